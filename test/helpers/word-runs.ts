import { createHash } from 'node:crypto';

/** How many words in a row may never be shared with the article the practices come from. */
export const sharedRunLimit = 7;

/** A text's words, lower case, with curly apostrophes made straight and all punctuation dropped. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/’/gu, "'")
    .split(/[^a-z0-9']+/u)
    .map((word) => word.replace(/^'+|'+$/gu, ''))
    .filter((word) => word.length > 0);
}

/**
 * A short fingerprint of every run of `sharedRunLimit` words in a text. The article's runs are
 * kept only as fingerprints, so its sentences never enter the project.
 */
export function runFingerprints(text: string): string[] {
  const words = wordsOf(text);
  const runs: string[] = [];
  for (let start = 0; start + sharedRunLimit <= words.length; start += 1) {
    const run = words.slice(start, start + sharedRunLimit).join(' ');
    runs.push(createHash('sha256').update(run).digest('hex').slice(0, 12));
  }
  return runs;
}

/** The runs of `text` (as words) whose fingerprints are in `known`. */
export function sharedRuns(text: string, known: ReadonlySet<string>): string[] {
  const words = wordsOf(text);
  return runFingerprints(text).flatMap((print, start) => (known.has(print) ? [words.slice(start, start + sharedRunLimit).join(' ')] : []));
}
