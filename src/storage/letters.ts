import { strict } from './database';
import { maxJournalText } from './journal';
import type { EpochMilliseconds, Letter, LullDatabase } from './schema';
import { storageError } from './storage-error';

/** A letter holds as much as a journal entry; its title is one short line. */
export const maxLetterText = maxJournalText;
export const maxLetterTitle = 500;

/** Saves a letter (new or changed) and resolves once it is on disk; refuses one too long to keep whole. */
export async function putLetter(db: LullDatabase, letter: Letter): Promise<void> {
  if (letter.text.length > maxLetterText) throw storageError('too-long', maxLetterText);
  if (letter.title.length > maxLetterTitle) throw storageError('too-long', maxLetterTitle);
  const tx = db.transaction('letters', 'readwrite', strict);
  await Promise.all([tx.store.put(letter), tx.done]);
}

export function getLetter(db: LullDatabase, id: string): Promise<Letter | undefined> {
  return db.get('letters', id);
}

/** Every letter, newest first. */
export async function listLetters(db: LullDatabase): Promise<Letter[]> {
  return (await db.getAllFromIndex('letters', 'by-created')).reverse();
}

export async function deleteLetter(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction('letters', 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}

export function countLettersSince(db: LullDatabase, since: EpochMilliseconds | null): Promise<number> {
  return db.countFromIndex('letters', 'by-created', since === null ? undefined : IDBKeyRange.lowerBound(since, true));
}
