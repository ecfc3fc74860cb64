import type { Seconds } from './units';

/** Calm narration pace: slower than conversation (about 2.2 words a second with pauses at commas). */
const wordsPerSecond = 2.2;
const secondsPerClausePause = 0.25;

/** How long a line will take to speak, before it is rendered. Used to validate and to preview lengths. */
export function estimateSpeechSeconds(text: string): Seconds {
  const words = text.split(/\s+/u).filter((word) => word.length > 0).length;
  const clausePauses = (text.match(/[,;:.!?—…]/gu) ?? []).length;
  return words / wordsPerSecond + clausePauses * secondsPerClausePause + 0.3;
}

/** Longer than this, a line is hard to follow and its caption too long to read: authors split it. */
export const longestLineSeconds: Seconds = 25;
