import { describe, expect, it } from 'vitest';
import { pcmSeconds } from '../../src/speech/pcm';
import { rateFor, restAtPauses, voicedSeconds } from '../../src/speech/calm-pace';

const rests = { commaSeconds: 0.5, sentenceSeconds: 1.5, phraseSeconds: 0.3 };
const rate = 1000;
/** Two seconds of "speech" (ones) with the engine's pauses (zeros) at the given seconds. */
function speechWith(pauses: { start: number; end: number }[], seconds = 2) {
  const samples = new Float32Array(seconds * rate).fill(1);
  for (const pause of pauses) samples.fill(0, pause.start * rate, pause.end * rate);
  return { sampleRate: rate, channels: [samples] };
}

describe('calm pace', () => {
  it('adds a comma’s rest inside the engine’s pause, counting half of it (the voice fades into and out of it), and never shortens a sound', () => {
    const pauses = [{ start: 0.9, end: 1.0, punctuation: ',' }];
    const rested = restAtPauses(speechWith(pauses), pauses, rests);
    expect(pcmSeconds(rested)).toBeCloseTo(2.45, 3);
    const [samples] = rested.channels;
    expect(samples?.slice(0, 900).every((sample) => sample === 1)).toBe(true);
    expect(samples?.slice(900, 1450).every((sample) => sample === 0)).toBe(true);
    expect(samples?.slice(1450).every((sample) => sample === 1)).toBe(true);
  });

  it('keeps a sentence inside a line under a little more than its rest where the engine’s own pause is long', () => {
    const pauses = [{ start: 0.5, end: 1.5, punctuation: '.' }];
    // Counted by half, 1 s of the engine's own would become 2 s; the whole stays at 1.2 × 1.5 s.
    expect(pcmSeconds(restAtPauses(speechWith(pauses, 3), pauses, rests))).toBeCloseTo(3.8, 3);
    const long = [{ start: 0.5, end: 2.5, punctuation: '.' }];
    expect(pcmSeconds(restAtPauses(speechWith(long, 3), long, rests))).toBe(3);
  });

  it('leaves the silence before the first word and after the last as it is', () => {
    const pauses = [
      { start: 0, end: 0.2, punctuation: '' },
      { start: 1.8, end: 2, punctuation: '.' },
    ];
    expect(pcmSeconds(restAtPauses(speechWith(pauses), pauses, rests))).toBe(2);
  });

  it('finds the rate that brings a line to its words per minute, within the engine’s range', () => {
    const pauses = [{ start: 0.9, end: 1.0, punctuation: ',' }];
    const measured = voicedSeconds(speechWith(pauses), pauses, rests);
    expect(measured.voiced).toBeCloseTo(1.9, 6);
    expect(measured.rests).toBeCloseTo(0.55, 6);
    // 6 words at 120 a minute: 3 s, of which 0.55 s rest, so 1.9 s of voice must become 2.45 s.
    expect(rateFor(6, 120, measured, { min: 0.45, max: 1 })).toBeCloseTo(1.9 / 2.45, 6);
    expect(rateFor(60, 120, measured, { min: 0.45, max: 1 })).toBe(0.45);
    expect(rateFor(1, 120, measured, { min: 0.45, max: 1 })).toBe(0.45);
  });
});
