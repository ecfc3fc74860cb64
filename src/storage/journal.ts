import { strict } from './database';
import type { EpochMilliseconds, JournalEntry, LullDatabase } from './schema';
import { storageError } from './storage-error';

/** The most one entry holds; the editor says so when it is reached. */
export const maxJournalText = 200_000;

/** Saves an entry (new or changed) and resolves once it is on disk. */
export async function putJournalEntry(db: LullDatabase, entry: JournalEntry): Promise<void> {
  if (entry.text.length > maxJournalText) throw storageError('too-long', maxJournalText);
  const tx = db.transaction('journal', 'readwrite', strict);
  await Promise.all([tx.store.put(entry), tx.done]);
}

export function getJournalEntry(db: LullDatabase, id: string): Promise<JournalEntry | undefined> {
  return db.get('journal', id);
}

/** Every entry, newest first. */
export async function listJournalEntries(db: LullDatabase): Promise<JournalEntry[]> {
  return (await db.getAllFromIndex('journal', 'by-created')).reverse();
}

export async function deleteJournalEntry(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction('journal', 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}

/** Entries written after `since` (all of them when `since` is null). */
export function countJournalEntriesSince(db: LullDatabase, since: EpochMilliseconds | null): Promise<number> {
  return db.countFromIndex('journal', 'by-created', since === null ? undefined : IDBKeyRange.lowerBound(since, true));
}
