import { describe, expect, it } from 'vitest';
import { fliteArguments, speakFliteLine } from '../../src/speech/flite-line';
import { calmPace, linePaceOf } from '../../src/speech/line-pace';
import { pcmSeconds } from '../../src/speech/pcm';
import { encodeWav } from '../../src/speech/wav';

/** A stand-in for Flite: a phrase lasts 0.25 s a word times its stretch, as a steady tone, and every call is noted. */
function fakeFlite() {
  const calls: (readonly string[])[] = [];
  const run = (args: readonly string[]): Promise<Uint8Array> => {
    calls.push(args);
    const stretch = Number(/duration_stretch=([\d.]+)/u.exec(args.join(' '))?.[1]);
    const words = (args.at(-1) ?? '').split(' ').length;
    const samples = new Float32Array(Math.round(words * 0.25 * stretch * 16_000)).map((_, index) => 0.5 * Math.sin(index / 3));
    return Promise.resolve(encodeWav({ sampleRate: 16_000, channels: [samples] }));
  };
  return { run, calls };
}

describe('a line in Flite’s voice', () => {
  it('passes the text as the argument after -t, so text that looks like an option is only spoken', () => {
    expect(fliteArguments('rms', 1.25, '-o /elsewhere.wav')).toEqual(['-voice', 'rms', '--setf', 'duration_stretch=1.250', '-t', '-o /elsewhere.wav']);
  });

  it('speaks each phrase at its own pace, then again stretched to the calm pace, with the rests between', async () => {
    const flite = fakeFlite();
    const text = 'Rest here, for a while. Then go on slowly.';
    const pace = linePaceOf(text);
    const pcm = await speakFliteLine(flite.run, 'rms', text, pace);
    const stretches = flite.calls.map((args) => Number(args[3]?.split('=')[1]));
    expect(stretches.slice(0, 3)).toEqual([1, 1, 1]);
    expect(new Set(stretches.slice(3)).size).toBe(1);
    expect(stretches[3]).toBeGreaterThan(1);
    expect(flite.calls.slice(0, 3).map((args) => args.at(-1))).toEqual(['Rest here,', 'for a while.', 'Then go on slowly.']);
    // From first word to last at the pace: the fake's voice stretches exactly, so the line lands on it.
    expect((pace.words / pcmSeconds(pcm)) * 60).toBeGreaterThan(pace.wordsPerMinute * 0.97);
    expect((pace.words / pcmSeconds(pcm)) * 60).toBeLessThan(pace.wordsPerMinute * 1.03);
  });

  it('paces breathing lines slower than others', () => {
    expect(linePaceOf('Breathe in slowly.').wordsPerMinute).toBe(calmPace.breathingWordsPerMinute);
    expect(linePaceOf('Rest here.')).toEqual({ words: 2, wordsPerMinute: calmPace.wordsPerMinute, rests: calmPace.rests, rate: calmPace.rate });
  });
});
