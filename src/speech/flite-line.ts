import { rateFor } from './calm-pace';
import type { LinePace } from './line-pace';
import { pcmSeconds, type Pcm } from './pcm';
import { joinWithRests, phrasesOf, spokenText } from './phrases';
import { trimSilence } from './silence-trim';
import { decodeWav } from './wav';

/** Runs Flite once with these arguments (the output file's are added by the runner) and gives back the WAV it wrote. */
export type FliteRun = (args: readonly string[]) => Promise<Uint8Array>;

/** Flite's built-in voices, the only ones its WebAssembly build carries. */
export type FliteVoice = 'rms' | 'slt' | 'awb' | 'kal16';

/** The arguments for one phrase; `-t` makes the next argument the text itself, even if it starts with a dash. */
export function fliteArguments(voice: FliteVoice, stretch: number, text: string): string[] {
  return ['-voice', voice, '--setf', `duration_stretch=${stretch.toFixed(3)}`, '-t', text];
}

/**
 * One line in Flite's voice at its pace. Flite cannot say where its pauses fall, so each phrase
 * (up to a comma or a full stop) is spoken on its own and the rests are put between them; its
 * `duration_stretch` gives the calm pace, found from a first rendering at its own pace.
 * Mono at Flite's own rate, not yet shaped.
 */
export async function speakFliteLine(run: FliteRun, voice: FliteVoice, text: string, pace: LinePace): Promise<Pcm> {
  const say = async (phrase: string, stretch: number): Promise<Pcm> => trimSilence(decodeWav(await run(fliteArguments(voice, stretch, phrase))), { thresholdDb: -45, keepSeconds: 0.02 });
  const phrases = phrasesOf(spokenText(text), pace.rests);
  const first = await Promise.all(phrases.map((phrase) => say(phrase.text, 1)));
  const voiced = first.reduce((sum, pcm) => sum + pcmSeconds(pcm), 0);
  const rests = phrases.reduce((sum, phrase) => sum + phrase.restAfter, 0);
  const rate = rateFor(pace.words, pace.wordsPerMinute, { voiced, rests }, pace.rate);
  const paced = rate === 1 ? first : await Promise.all(phrases.map((phrase) => say(phrase.text, 1 / rate)));
  return joinWithRests(paced, phrases.map((phrase) => phrase.restAfter));
}
