import { getJournalEntry, listJournalEntries, maxJournalText, putJournalEntry, deleteJournalEntry } from '../storage/journal';
import type { JournalEntry } from '../storage/schema';
import { storageError } from '../storage/storage-error';
import type { DataStore } from './data-store';

export type { JournalEntry };
export { maxJournalText };

/** What the editor holds: an entry's identity and text, before it is stamped and saved. */
export interface JournalDraft {
  readonly kind: 'journal';
  readonly id: string;
  readonly createdAt: number;
  readonly text: string;
  readonly prompt: string | null;
}

export class JournalService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new, empty entry; nothing is stored until it has text. */
  newDraft(prompt: string | null = null): JournalDraft {
    return { kind: 'journal', id: crypto.randomUUID(), createdAt: this.now(), text: '', prompt };
  }

  list(): Promise<JournalEntry[]> {
    return this.store.run(listJournalEntries);
  }

  /**
   * Saves the draft with strict durability, then reads it back. Resolves only when what is on
   * disk is exactly what was written: only then may the editor say "Saved".
   */
  async save(draft: JournalDraft): Promise<JournalEntry> {
    const entry: JournalEntry = { id: draft.id, createdAt: draft.createdAt, updatedAt: Math.max(this.now(), draft.createdAt), text: draft.text, prompt: draft.prompt };
    const stored = await this.store.run(async (db) => {
      await putJournalEntry(db, entry);
      return getJournalEntry(db, entry.id);
    });
    if (stored?.text !== entry.text || stored.updatedAt !== entry.updatedAt) throw storageError('not-confirmed');
    this.store.askForPersistence();
    return stored;
  }

  delete(id: string): Promise<void> {
    return this.store.run((db) => deleteJournalEntry(db, id));
  }
}
