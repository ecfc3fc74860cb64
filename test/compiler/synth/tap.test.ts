import { describe, expect, it } from 'vitest';
import { pcmFrames } from '../../../src/speech/pcm';
import { peakOf, rmsOf } from '../../../src/speech/levels';
import { synthTap } from '../../../src/compiler/synth/tap';
import { bitIdentical, channelOf, everySampleFinite, firstSample, lastSample } from './signal-checks';

const sampleRate = 48_000;
const tap = synthTap(sampleRate);
const samples = channelOf(tap);

describe('synthTap', () => {
  it('is one channel of exactly a quarter second', () => {
    expect(tap.channels).toHaveLength(1);
    expect(pcmFrames(tap)).toBe(0.25 * sampleRate);
    expect(pcmFrames(synthTap(44_100))).toBe(Math.round(0.25 * 44_100));
  });

  it('is bit-identical from one call to the next', () => {
    expect(bitIdentical(synthTap(sampleRate).channels[0], samples)).toBe(true);
  });

  it('peaks at most 0.5, with no NaN or infinity', () => {
    expect(everySampleFinite(tap.channels)).toBe(true);
    expect(peakOf(tap.channels)).toBeLessThanOrEqual(0.5);
    expect(peakOf(tap.channels)).toBeGreaterThan(0.2);
  });

  it('starts and ends at zero without a click', () => {
    expect(Math.abs(firstSample(samples))).toBeLessThan(0.01);
    expect(Math.abs(lastSample(samples))).toBeLessThan(0.01);
  });

  it('is short and muted: nearly all its energy is in the first 60 ms', () => {
    const early = rmsOf([samples.subarray(0, 0.06 * sampleRate)]) ** 2 * 0.06;
    const late = rmsOf([samples.subarray(0.06 * sampleRate)]) ** 2 * 0.19;
    expect(late).toBeLessThan(early / 20);
  });
});
