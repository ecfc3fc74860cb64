import type { Seconds } from './units';

/** Measured on the rendered voice: about 2.6 words a second within a sentence. */
const wordsPerSecond = 2.6;
const secondsPerClausePause = 0.15;
/** The rest the compiler puts between sentences of one line (see the compiler's voice settings). */
const secondsBetweenSentences = 0.6;

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
  const clausePauses = (text.match(/[,;:—]/gu) ?? []).length;
  const sentences = splitSentences(text).length;
  return words / wordsPerSecond + clausePauses * secondsPerClausePause + Math.max(0, sentences - 1) * secondsBetweenSentences + 0.3;
}

/** Longer than this, a line is hard to follow and its caption too long to read: authors split it. */
export const longestLineSeconds: Seconds = 25;
