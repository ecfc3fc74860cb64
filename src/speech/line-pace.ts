import type { Rests } from './calm-pace';
import { wordsOf } from './speech-span';

/** How a line should sound: its pace from first word to last, and the rests at its punctuation. */
export interface LinePace {
  /** Words of the line as written (a respelling may count differently). */
  readonly words: number;
  readonly wordsPerMinute: number;
  readonly rests: Rests;
  /** The engine's rate stays inside this range. */
  readonly rate: { readonly min: number; readonly max: number };
}

/**
 * The calm pace: words per minute from a line's first word to its last, rests included, reached
 * with the engine's own speech rate (never by stretching the sound); breathing lines go slowest.
 */
export const calmPace = {
  wordsPerMinute: 114,
  breathingWordsPerMinute: 104,
  rests: { commaSeconds: 0.55, sentenceSeconds: 1.5, phraseSeconds: 0.3 } satisfies Rests,
  /** The engine rate stays in this range whatever a line needs: slower than this starts to drawl. */
  rate: { min: 0.45, max: 1 },
} as const;

const breathingWords = /\b(breathe|breath|breathing|inhale|exhale|in-breath|out-breath)\b/iu;

/** The pace a line is spoken at: breathing instructions slowest of all. */
export function wordsPerMinuteOf(text: string): number {
  return breathingWords.test(text) ? calmPace.breathingWordsPerMinute : calmPace.wordsPerMinute;
}

/** The calm pace of one line as written (before any respelling). */
export function linePaceOf(text: string): LinePace {
  return { words: wordsOf(text), wordsPerMinute: wordsPerMinuteOf(text), rests: calmPace.rests, rate: calmPace.rate };
}
