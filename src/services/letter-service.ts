import { deleteLetter, getLetter, listLetters, maxLetterText, maxLetterTitle, putLetter } from '../storage/letters';
import type { Letter } from '../storage/schema';
import { storageError } from '../storage/storage-error';
import type { DataStore } from './data-store';

export type { Letter };
export { maxLetterText, maxLetterTitle };

/** What the person sees as a letter's title until they give it one. */
export const untitledLetter = 'To my younger self';

/** What the editor holds: a letter's identity, title and text, before it is stamped and saved. */
export interface LetterDraft {
  readonly kind: 'letter';
  readonly id: string;
  readonly createdAt: number;
  readonly title: string;
  readonly text: string;
}

/** Letters to the person's younger self, written in a session or on their own. */
export class LetterService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new, empty letter; nothing is stored until it has text. */
  newDraft(): LetterDraft {
    return { kind: 'letter', id: crypto.randomUUID(), createdAt: this.now(), title: '', text: '' };
  }

  /** Every letter, newest first. */
  list(): Promise<Letter[]> {
    return this.store.run(listLetters);
  }

  /** Saves with strict durability and reads it back: resolves only once the letter on disk is exactly this one. */
  async save(draft: LetterDraft): Promise<Letter> {
    const letter: Letter = { id: draft.id, createdAt: draft.createdAt, updatedAt: Math.max(this.now(), draft.createdAt), title: draft.title, text: draft.text };
    const stored = await this.store.run(async (db) => {
      await putLetter(db, letter);
      return getLetter(db, letter.id);
    });
    if (stored?.text !== letter.text || stored.title !== letter.title || stored.updatedAt !== letter.updatedAt) throw storageError('not-confirmed');
    this.store.askForPersistence();
    return stored;
  }

  delete(id: string): Promise<void> {
    return this.store.run((db) => deleteLetter(db, id));
  }
}
