import type { EpochMilliseconds, LullDatabase } from './schema';
import { countWritingsSince, writingLimits } from './writings';

/** The most one entry holds; the editor says so when it is reached. */
export const maxJournalText = writingLimits.journal.text;

/** Entries written after `since` (all of them when `since` is null). */
export function countJournalEntriesSince(db: LullDatabase, since: EpochMilliseconds | null): Promise<number> {
  return countWritingsSince(db, 'journal', since);
}
