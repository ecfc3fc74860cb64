import { describe, expect, it } from 'vitest';
import { pcmFrames } from '../../../src/speech/pcm';
import type { BreathToneKind } from '../../../src/compiler/synth/breath-tone';
import { synthBreathTone } from '../../../src/compiler/synth/breath-tone';
import { peakOf } from '../../../src/speech/levels';
import { bitIdentical, channelOf, everySampleFinite, firstSample, lastSample, zeroCrossingFrequency } from './signal-checks';

const sampleRate = 48_000;
const kinds: readonly BreathToneKind[] = ['inhale', 'exhale', 'hold'];
const samplesOf = (kind: BreathToneKind): Float32Array => channelOf(synthBreathTone(kind, sampleRate));
const earlyPitch = (kind: BreathToneKind): number => zeroCrossingFrequency(samplesOf(kind), sampleRate, 0.1, 0.3);
const latePitch = (kind: BreathToneKind): number => zeroCrossingFrequency(samplesOf(kind), sampleRate, 0.5, 0.7);

describe('synthBreathTone', () => {
  it.each(kinds)('%s is one channel of exactly 0.8 s, bit-identical from call to call', (kind) => {
    const tone = synthBreathTone(kind, sampleRate);
    expect(tone.channels).toHaveLength(1);
    expect(pcmFrames(tone)).toBe(0.8 * sampleRate);
    expect(bitIdentical(synthBreathTone(kind, sampleRate).channels[0], tone.channels[0])).toBe(true);
  });

  it.each(kinds)('%s peaks at most 0.35, with no NaN or infinity', (kind) => {
    const tone = synthBreathTone(kind, sampleRate);
    expect(everySampleFinite(tone.channels)).toBe(true);
    expect(peakOf(tone.channels)).toBeLessThanOrEqual(0.35);
    expect(peakOf(tone.channels)).toBeGreaterThan(0.2);
  });

  it.each(kinds)('%s starts and ends at zero without a click', (kind) => {
    const samples = samplesOf(kind);
    expect(Math.abs(firstSample(samples))).toBeLessThan(0.01);
    expect(Math.abs(lastSample(samples))).toBeLessThan(0.01);
  });

  it('rises in pitch on the inhale and falls on the exhale', () => {
    expect(latePitch('inhale')).toBeGreaterThan(1.15 * earlyPitch('inhale'));
    expect(latePitch('exhale')).toBeLessThan(earlyPitch('exhale') / 1.15);
  });

  it('holds one steady pitch, lower than the inhale and exhale', () => {
    expect(Math.abs(latePitch('hold') / earlyPitch('hold') - 1)).toBeLessThan(0.03);
    expect(latePitch('hold')).toBeLessThan(earlyPitch('inhale'));
    expect(latePitch('hold')).toBeLessThan(latePitch('exhale'));
  });
});
