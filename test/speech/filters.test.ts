import { describe, expect, it } from 'vitest';
import {
  BiquadBandPass,
  filterInPlace,
  OnePoleHighPass,
  OnePoleLowPass,
} from '../../src/speech/filters';
import type { SampleFilter } from '../../src/speech/filters';
import { peakOf } from '../../src/speech/levels';
import { lastSample, sine } from '../compiler/synth/signal-checks';

const sampleRate = 48_000;

/** Peak gain of a steady tone through the filter, measured after the filter has settled. */
function toneGain(filter: SampleFilter, frequencyHz: number): number {
  const tone = filterInPlace(sine(sampleRate, sampleRate / frequencyHz), filter);
  return peakOf([tone.subarray(sampleRate / 2)]);
}

describe('filters', () => {
  it('low-pass keeps a tone far below its cutoff and weakens one far above it', () => {
    expect(toneGain(new OnePoleLowPass(1000, sampleRate), 50)).toBeGreaterThan(0.99);
    expect(toneGain(new OnePoleLowPass(1000, sampleRate), 10_000)).toBeLessThan(0.12);
  });

  it('low-pass is at −3 dB at its cutoff', () => {
    expect(toneGain(new OnePoleLowPass(1000, sampleRate), 1000)).toBeCloseTo(Math.SQRT1_2, 1);
  });

  it('high-pass removes a constant offset and keeps a tone far above its cutoff', () => {
    const offset = filterInPlace(new Float32Array(sampleRate).fill(1), new OnePoleHighPass(30, sampleRate));
    expect(Math.abs(lastSample(offset))).toBeLessThan(1e-6);
    expect(toneGain(new OnePoleHighPass(30, sampleRate), 3000)).toBeGreaterThan(0.99);
  });

  it('band-pass passes its centre frequency at unity gain and weakens tones octaves away', () => {
    expect(toneGain(new BiquadBandPass(1000, 1, sampleRate), 1000)).toBeCloseTo(1, 2);
    expect(toneGain(new BiquadBandPass(1000, 1, sampleRate), 125)).toBeLessThan(0.15);
    expect(toneGain(new BiquadBandPass(1000, 1, sampleRate), 8000)).toBeLessThan(0.15);
  });

  it('filterInPlace overwrites the signal it is given and returns it', () => {
    const signal = new Float32Array([1, 1, 1]);
    const result = filterInPlace(signal, new OnePoleLowPass(1000, sampleRate));
    expect(result).toBe(signal);
    expect(signal[0]).toBeLessThan(1);
  });
});
