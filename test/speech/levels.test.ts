import { describe, expect, it } from 'vitest';
import {
  decibelsToGain,
  gainToDecibels,
  normalizePeakInPlace,
  normalizeRmsInPlace,
  peakOf,
  rmsOf,
  softLimitInPlace,
} from '../../src/speech/levels';
import { sine } from '../compiler/synth/signal-checks';

describe('levels', () => {
  it('converts between gain and decibels both ways', () => {
    expect(gainToDecibels(0.5)).toBeCloseTo(-6.02, 2);
    expect(decibelsToGain(gainToDecibels(0.063))).toBeCloseTo(0.063, 10);
  });

  it('measures a full-scale sine at peak 1 and RMS √½', () => {
    const tone = sine(4800, 48);
    expect(peakOf([tone])).toBeCloseTo(1, 3);
    expect(rmsOf([tone])).toBeCloseTo(Math.SQRT1_2, 3);
  });

  it('normalizes to an exact peak or an exact RMS across channels', () => {
    const channels = [sine(4800, 48, 0.2), sine(4800, 48, 0.1)];
    normalizePeakInPlace(channels, 0.5);
    expect(peakOf(channels)).toBeCloseTo(0.5, 6);
    normalizeRmsInPlace(channels, 0.063);
    expect(rmsOf(channels)).toBeCloseTo(0.063, 6);
  });

  it('leaves silence silent instead of dividing by zero', () => {
    const silence = new Float32Array(10);
    normalizeRmsInPlace([silence], 0.1);
    normalizePeakInPlace([silence], 0.1);
    expect(Array.from(silence)).toEqual(new Array(10).fill(0));
  });

  it('soft limiting keeps quiet samples exact and bends loud ones below the ceiling', () => {
    const samples = new Float32Array([0.2, -0.4, 0.6, -3, 10]);
    softLimitInPlace([samples], 0.5, 0.7);
    expect(samples[0]).toBeCloseTo(0.2, 6);
    expect(samples[1]).toBeCloseTo(-0.4, 6);
    expect(samples[2]).toBeGreaterThan(0.5);
    expect(samples[2]).toBeLessThan(0.6);
    expect(samples[3]).toBeLessThan(-0.6);
    expect(peakOf([samples])).toBeLessThanOrEqual(0.7);
  });
});
