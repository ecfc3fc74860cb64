import type { EpochMilliseconds, LullDatabase } from './schema';
import { countWritingsSince, writingLimits } from './writings';

/** A letter holds as much as a journal entry; its title is one short line. */
export const maxLetterText = writingLimits.letters.text;
export const maxLetterTitle = writingLimits.letters.title;

/** Letters started after `since` (all of them when `since` is null). */
export function countLettersSince(db: LullDatabase, since: EpochMilliseconds | null): Promise<number> {
  return countWritingsSince(db, 'letters', since);
}
