import { describe, expect, it } from 'vitest';
import { pcmFrames } from '../../../src/speech/pcm';
import { synthBell } from '../../../src/compiler/synth/bell';
import { peakOf, rmsOf } from '../../../src/speech/levels';
import { bitIdentical, channelOf, everySampleFinite, firstSample, largestStep, lastSample } from './signal-checks';

const sampleRate = 48_000;
const bell = synthBell(sampleRate);
const samples = channelOf(bell);

describe('synthBell', () => {
  it('is one channel of exactly six seconds at the requested sample rate', () => {
    expect(bell.channels).toHaveLength(1);
    expect(bell.sampleRate).toBe(sampleRate);
    expect(pcmFrames(bell)).toBe(6 * sampleRate);
    expect(pcmFrames(synthBell(44_100))).toBe(6 * 44_100);
  });

  it('is bit-identical from one call to the next', () => {
    expect(bitIdentical(synthBell(sampleRate).channels[0], samples)).toBe(true);
  });

  it('peaks clearly audible but at most 0.5, with no NaN or infinity', () => {
    expect(everySampleFinite(bell.channels)).toBe(true);
    expect(peakOf(bell.channels)).toBeLessThanOrEqual(0.5);
    expect(peakOf(bell.channels)).toBeGreaterThan(0.3);
  });

  it('starts and ends at zero without a click', () => {
    expect(Math.abs(firstSample(samples))).toBeLessThan(0.01);
    expect(lastSample(samples)).toBe(0);
    expect(largestStep(samples)).toBeLessThan(0.05);
  });

  it('reaches full level within a few milliseconds and then rings down', () => {
    const firstTwentyMs = peakOf([samples.subarray(0, 0.02 * sampleRate)]);
    expect(firstTwentyMs).toBeGreaterThan(0.5 * peakOf(bell.channels));
    const firstSecond = rmsOf([samples.subarray(0, sampleRate)]);
    const fifthSecond = rmsOf([samples.subarray(4 * sampleRate, 5 * sampleRate)]);
    expect(fifthSecond).toBeLessThan(firstSecond / 4);
    expect(fifthSecond).toBeGreaterThan(0);
  });
});
