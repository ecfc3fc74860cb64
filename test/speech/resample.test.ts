import { describe, expect, it } from 'vitest';
import { resample } from '../../src/speech/resample';
import { channelOf, zeroCrossingFrequency } from '../compiler/synth/signal-checks';
import { rmsDb, tone } from '../compiler/render/audio-checks';

describe('resample', () => {
  for (const [from, to] of [
    [16000, 48000],
    [48000, 16000],
    [44100, 48000],
    [48000, 22050],
  ] as const) {
    it(`keeps a 440 Hz sine's pitch, level and length from ${from} Hz to ${to} Hz`, () => {
      const source = tone(from, 2, 440);
      const result = resample(source, to);
      const samples = channelOf(result);
      expect(result.sampleRate).toBe(to);
      expect(samples.length).toBe(Math.round((channelOf(source).length * to) / from));
      expect(zeroCrossingFrequency(samples, to, 0.2, 1.8)).toBeCloseTo(440, 0);
      const middle = samples.subarray(Math.round(0.2 * to), Math.round(1.8 * to));
      expect(rmsDb(middle)).toBeCloseTo(rmsDb(channelOf(source)), 1);
    });
  }

  it('rejects what the new rate cannot carry instead of aliasing it', () => {
    const tooHigh = tone(48000, 1, 7000); // above 4 kHz, the Nyquist frequency at 8 kHz
    const samples = channelOf(resample(tooHigh, 8000));
    expect(rmsDb(samples.subarray(800, 7200))).toBeLessThan(-70);
  });

  it('is deterministic and resamples every channel alike', () => {
    const left = channelOf(tone(44100, 0.5, 1000));
    const stereo = { sampleRate: 44100, channels: [left, left.map((sample) => -sample)] };
    const first = resample(stereo, 48000);
    const second = resample(stereo, 48000);
    expect(channelOf(first, 0)).toEqual(channelOf(second, 0));
    expect(channelOf(first, 1)).toEqual(channelOf(first, 0).map((sample) => -sample));
  });

  it('copies unchanged when the rate already matches', () => {
    const source = tone(24000, 0.1, 300);
    const result = resample(source, 24000);
    expect(channelOf(result)).toEqual(channelOf(source));
    expect(channelOf(result)).not.toBe(channelOf(source));
  });
});
