import { storageError } from '../storage/storage-error';
import { deleteWriting, getWriting, listWritings, revisionOf, sameWriting, saveWriting, type SaveOutcome, type Writing, type WritingStore } from '../storage/writings';
import type { DataStore } from './data-store';

export type { SaveOutcome, Writing, WritingStore };

/** What an editor holds of any writing before it is stamped and saved. */
export interface DraftCore {
  readonly id: string;
  readonly createdAt: number;
  readonly text: string;
  /** The stored revision this draft was read at or last saved as; absent (or 0) for one never saved. */
  readonly revision?: number;
}

/** What really differs between journal entries and letters: their store, their fields, their limits and their name. */
export interface WritingKind<S extends WritingStore, D extends DraftCore> {
  readonly store: S;
  /** What one is called in a sentence: "entry", "letter". */
  readonly noun: string;
  /** The noun with its article, as a sentence starts: "An entry", "A letter". */
  readonly aNoun: string;
  readonly maxText: number;
  /** A new, empty draft. */
  blank(id: string, createdAt: number): D;
  toDraft(writing: Writing<S>): D;
  /** The record to store for `draft` (its revision is set by the save). */
  toWriting(draft: D, updatedAt: number): Writing<S>;
}

/** What a save did, and the draft as it is stored now (under a new id unless `saved`). */
export interface SaveResult<D> {
  readonly outcome: SaveOutcome;
  readonly draft: D;
}

/** True when `stored` is exactly what was written, or a later revision saved on top of it. */
function confirms(stored: Writing<WritingStore> | undefined, written: Writing<WritingStore>): boolean {
  return stored !== undefined && (revisionOf(stored) > revisionOf(written) || sameWriting(stored, written));
}

/** Journal entries or letters: listed newest first, saved without ever replacing a version that was not seen, and deleted. */
export class WritingService<S extends WritingStore, D extends DraftCore> {
  constructor(
    private readonly store: DataStore,
    readonly kind: WritingKind<S, D>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new, empty one; nothing is stored until it has text. */
  newDraft(): D {
    return this.kind.blank(crypto.randomUUID(), this.now());
  }

  /** Every one, newest first. */
  list(): Promise<Writing<S>[]> {
    return this.store.run((db) => listWritings(db, this.kind.store));
  }

  /** The stored one with this id, as a draft to continue. */
  async read(id: string): Promise<D | undefined> {
    const writing = await this.store.run((db) => getWriting(db, this.kind.store, id));
    return writing && this.kind.toDraft(writing);
  }

  /**
   * Saves the draft as the next revision after its own, with strict durability, then reads it
   * back: resolves only when what is on disk is exactly what was written (only then may the
   * editor say "Saved"). A draft behind what is stored, or one deleted elsewhere, is kept as a
   * new one; the outcome says which. Other windows hear of the save.
   */
  async save(draft: D): Promise<SaveResult<D>> {
    const { store } = this.kind;
    const writing = this.kind.toWriting(draft, Math.max(this.now(), draft.createdAt));
    const saved = await this.store.run(async (db) => {
      const result = await saveWriting(db, store, writing, draft.revision ?? 0, () => crypto.randomUUID());
      if (!confirms(await getWriting(db, store, result.writing.id), result.writing)) throw storageError('not-confirmed');
      return result;
    });
    this.store.askForPersistence();
    this.store.announce({ type: 'writing-saved', store, id: saved.writing.id, revision: revisionOf(saved.writing) });
    return { outcome: saved.outcome, draft: this.kind.toDraft(saved.writing) };
  }

  /** Deletes it; other windows hear of it, so none brings it back. */
  async delete(id: string): Promise<void> {
    const { store } = this.kind;
    await this.store.run((db) => deleteWriting(db, store, id));
    this.store.announce({ type: 'writing-deleted', store, id });
  }
}
