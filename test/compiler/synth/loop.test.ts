import { describe, expect, it } from 'vitest';
import type { Pcm } from '../../../src/speech/pcm';
import { pcmFrames } from '../../../src/speech/pcm';
import { gainToDecibels, rmsOf } from '../../../src/speech/levels';
import { makeSeamlessLoop } from '../../../src/compiler/synth/loop';
import { whiteNoise } from '../../../src/compiler/synth/random';
import { createRandom } from '../../../src/engine/seeded-random';
import { channelOf, firstSample, largestStep, lastSample, sine } from './signal-checks';

const sampleRate = 48_000;
const mono = (samples: Float32Array): Pcm => ({ sampleRate, channels: [samples] });
const ramp = (frames: number): Float32Array => Float32Array.from({ length: frames }, (_, index) => index);
const seamJump = (loop: Float32Array): number => Math.abs(firstSample(loop) - lastSample(loop));

describe('makeSeamlessLoop', () => {
  it('returns exactly loopFrames frames in every channel at the same sample rate', () => {
    const source: Pcm = { sampleRate, channels: [ramp(1500), ramp(1500)] };
    const loop = makeSeamlessLoop(source, 1000, 300);
    expect(loop.sampleRate).toBe(sampleRate);
    expect(loop.channels).toHaveLength(2);
    expect(pcmFrames(loop)).toBe(1000);
    expect(loop.channels[1]?.length).toBe(1000);
  });

  it('leaves every frame after the crossfade as it was', () => {
    const loop = channelOf(makeSeamlessLoop(mono(ramp(1300)), 1000, 300));
    expect(Array.from(loop.subarray(300))).toEqual(Array.from(ramp(1000).subarray(300)));
  });

  it('starts with the frame that followed the loop, so wrapping around is one ordinary step', () => {
    const loop = channelOf(makeSeamlessLoop(mono(ramp(1300)), 1000, 300));
    expect(loop[0]).toBe(1000);
    expect(loop[999]).toBe(999);
  });

  it('joins a sine whose period does not divide the loop without a jump', () => {
    const source = sine(12_000, 97.3);
    const naiveJump = seamJump(source.subarray(0, 10_000));
    const loop = channelOf(makeSeamlessLoop(mono(source), 10_000, 2000));
    expect(naiveJump).toBeGreaterThan(0.3);
    expect(seamJump(loop)).toBeLessThanOrEqual(largestStep(loop) + 1e-6);
  });

  it('keeps the level of noise steady through the crossfade (equal power)', () => {
    const random = createRandom(11);
    const noise = Float32Array.from({ length: 3 * sampleRate }, () => whiteNoise(random));
    const loop = channelOf(makeSeamlessLoop(mono(noise), 2 * sampleRate, sampleRate));
    const middleOfFade = rmsOf([loop.subarray(sampleRate / 4, (3 * sampleRate) / 4)]);
    const untouched = rmsOf([loop.subarray(sampleRate)]);
    expect(Math.abs(gainToDecibels(middleOfFade / untouched))).toBeLessThan(0.5);
  });

  it('with no crossfade is a plain copy of the start', () => {
    const loop = channelOf(makeSeamlessLoop(mono(ramp(10)), 6, 0));
    expect(Array.from(loop)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('rejects a source shorter than loop plus crossfade, and a crossfade longer than the loop', () => {
    expect(() => makeSeamlessLoop(mono(ramp(1200)), 1000, 300)).toThrow(RangeError);
    expect(() => makeSeamlessLoop(mono(ramp(5000)), 1000, 1001)).toThrow(RangeError);
    expect(() => makeSeamlessLoop(mono(ramp(5000)), 0, 0)).toThrow(RangeError);
  });
});
