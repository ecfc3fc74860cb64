import { narratorVoices } from '../../../src/compiler/voice';
import { calmPace } from '../../../src/speech/line-pace';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pcm } from '../../../src/speech/pcm';
import { pcmSeconds } from '../../../src/speech/pcm';
import { resample } from '../../../src/speech/resample';
import { createSpeaker } from '../../../src/compiler/render/speech';
import { shapeVoice } from '../../../src/speech/voice-shaping';
import { Biquad, highPassCoefficients, lowPassCoefficients } from '../../../src/speech/biquad';
import { filterInPlace } from '../../../src/speech/filters';
import { channelOf, firstSample, lastSample, largestStep } from '../synth/signal-checks';
import { peakOfSamples, rmsDb, speechLike } from './audio-checks';

const CEILING = 0.71; // −3 dBFS, with a hair of rounding room

function withSilence(pcm: Pcm, beforeSeconds: number, afterSeconds: number): Pcm {
  return {
    sampleRate: pcm.sampleRate,
    channels: pcm.channels.map((samples) => {
      const out = new Float32Array(samples.length + Math.round((beforeSeconds + afterSeconds) * pcm.sampleRate));
      out.set(samples, Math.round(beforeSeconds * pcm.sampleRate));
      return out;
    }),
  };
}

function bandDb(samples: Float32Array, sampleRate: number, band: 'below' | 'above', splitHz: number): number {
  const coefficients = band === 'below' ? lowPassCoefficients(sampleRate, splitHz) : highPassCoefficients(sampleRate, splitHz);
  return rmsDb(filterInPlace(filterInPlace(samples.slice(), new Biquad(coefficients)), new Biquad(coefficients)));
}

function expectLevelled(samples: Float32Array): void {
  expect(peakOfSamples(samples)).toBeLessThanOrEqual(CEILING);
  expect(Math.abs(rmsDb(samples) - -20)).toBeLessThan(2);
  expect(Math.abs(firstSample(samples))).toBeLessThan(1e-6);
  expect(Math.abs(lastSample(samples))).toBeLessThan(1e-6);
}

describe('shapeVoice', () => {
  let speech: Pcm;
  beforeAll(async () => {
    const text = 'Breathe in slowly, and let it go. Notice the stillness.';
    speech = await (await createSpeaker(narratorVoices.slt)).speak({ text, words: [] }, { words: 10, wordsPerMinute: calmPace.breathingWordsPerMinute, rests: calmPace.rests, rate: calmPace.rate });
    // Festival speaks the line twice (its own pace, then the calm one): slow on a busy machine.
  }, 60_000);

  it('levels synthetic speech to −20 dBFS RMS with peaks under −3 dBFS and silent edges', () => {
    expectLevelled(channelOf(shapeVoice(speech)));
    expectLevelled(channelOf(shapeVoice(resample(speech, 48000))));
  });

  it('levels quiet and hot takes alike', () => {
    const quiet = { sampleRate: speech.sampleRate, channels: [channelOf(speech).map((sample) => sample * 0.02)] };
    const hot = { sampleRate: speech.sampleRate, channels: [channelOf(speech).map((sample) => Math.tanh(sample * 8))] };
    expectLevelled(channelOf(shapeVoice(quiet)));
    expectLevelled(channelOf(shapeVoice(hot)));
  });

  it('trims leading and trailing silence down to about 30 ms', () => {
    const source = speechLike(24000, 1.5);
    const padded = withSilence(source, 0.8, 1.2);
    const shaped = shapeVoice(padded);
    // speechLike starts and ends inside a syllable gap, so the trimmed clip is a little shorter.
    expect(pcmSeconds(shaped)).toBeGreaterThan(1.3);
    expect(pcmSeconds(shaped)).toBeLessThan(1.5 + 0.061);
  });

  it('softens highs above 5 kHz relative to the body of the voice', () => {
    const source = speechLike(48000, 3);
    const shaped = shapeVoice(source);
    const before = bandDb(channelOf(source), 48000, 'above', 5000) - bandDb(channelOf(source), 48000, 'below', 5000);
    const after = bandDb(channelOf(shaped), 48000, 'above', 5000) - bandDb(channelOf(shaped), 48000, 'below', 5000);
    expect(before - after).toBeGreaterThan(3);
  });

  it('adds no clicks: no step larger than the speech itself makes', () => {
    const shaped = channelOf(shapeVoice(resample(speech, 48000)));
    expect(largestStep(shaped.subarray(0, 480))).toBeLessThan(0.01);
    expect(largestStep(shaped.subarray(-480))).toBeLessThan(0.01);
  });

  it('is deterministic, handles stereo, and turns silence into an empty clip', () => {
    expect(channelOf(shapeVoice(speech))).toEqual(channelOf(shapeVoice(speech)));
    const stereo = shapeVoice({ sampleRate: speech.sampleRate, channels: [channelOf(speech), channelOf(speech).map((s) => s * 0.5)] });
    expect(stereo.channels).toHaveLength(2);
    expect(peakOfSamples(channelOf(stereo, 0))).toBeLessThanOrEqual(CEILING);
    expect(pcmSeconds(shapeVoice({ sampleRate: 16000, channels: [new Float32Array(16000)] }))).toBe(0);
  });
});
