import type { Seconds } from './units';

/** The calm pace the compiler renders at (see its voice settings): about 114 words a minute, its rests included. */
const wordsPerSecond = 1.9;

/** A line's sentences, each spoken on its own with a rest between them. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** How long a line will take to speak, before it is rendered. Used to validate while authoring. */
export function estimateSpeechSeconds(text: string): Seconds {
  const words = text.split(/\s+/u).filter((word) => word.length > 0).length;
  return words / wordsPerSecond + 0.3;
}

/** Longer than this, a line is hard to follow and its caption too long to read: authors split it. */
export const longestLineSeconds: Seconds = 25;
