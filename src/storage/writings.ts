import type { StoreValue } from 'idb';
import { strict } from './database';
import type { EpochMilliseconds, LullDatabase, LullSchema, WritingRecord } from './schema';
import { storageError } from './storage-error';

/** The stores of what a person writes: journal entries and letters, kept the same way. */
export type WritingStore = 'journal' | 'letters';

/** One stored piece of writing: a journal entry or a letter. */
export type Writing<S extends WritingStore> = StoreValue<LullSchema, S>;

/** The most one entry or letter holds (the editor says so when it is reached); a letter's title is one short line. */
export const writingLimits = {
  journal: { text: 200_000 },
  letters: { text: 200_000, title: 500 },
} as const;

/**
 * What became of a save. `saved`: the writing now holds it. `kept-as-copy`: it was changed
 * elsewhere since this version was read, so this version became a new, separate writing and
 * the other stayed as it was. `kept-as-new`: it was deleted elsewhere, so this version became
 * a new writing instead of bringing the deleted one back.
 */
export type SaveOutcome = 'saved' | 'kept-as-copy' | 'kept-as-new';

export interface SavedWriting<S extends WritingStore> {
  readonly outcome: SaveOutcome;
  /** What is stored now, under its own id (a new one unless `saved`). */
  readonly writing: Writing<S>;
}

/** A writing's revision: how many times it was saved. One stored before revisions were kept counts as 1. */
export function revisionOf(writing: WritingRecord): number {
  return writing.revision ?? 1;
}

/** True when `a` and `b` hold the same fields with the same values, apart from those in `ignoring`. */
export function sameWriting(a: WritingRecord, b: WritingRecord, ignoring: readonly string[] = []): boolean {
  const fields = (writing: WritingRecord) => Object.entries(writing).filter(([key]) => !ignoring.includes(key));
  const inB = new Map(fields(b));
  const inA = fields(a);
  return inA.length === inB.size && inA.every(([key, value]) => inB.has(key) && Object.is(inB.get(key), value));
}

function checkLength(store: WritingStore, writing: Writing<WritingStore>): void {
  const limits = writingLimits[store];
  if (writing.text.length > limits.text) throw storageError('too-long', limits.text);
  if ('title' in limits && 'title' in writing && writing.title.length > limits.title) throw storageError('too-long', limits.title);
}

/**
 * Saves `writing` as the next revision after `base` (0 for one never saved), checking and
 * writing in one strict transaction, so no save ever replaces a version it has not seen.
 * When the stored revision is not `base`, or the writing was deleted, this version is kept
 * under a new id from `newId` and the stored one is left as it is. Safe to run again: a save
 * that finds its own words already stored as the next revision (a retry after a failure that
 * came once the write was done) changes nothing.
 */
export async function saveWriting<S extends WritingStore>(db: LullDatabase, store: S, writing: Writing<S>, base: number, newId: () => string): Promise<SavedWriting<S>> {
  checkLength(store, writing);
  const tx = db.transaction(store, 'readwrite', strict);
  const stored: Writing<S> | undefined = await tx.store.get(writing.id);
  const next: Writing<S> = { ...writing, revision: base + 1 };
  let outcome: SaveOutcome;
  if (stored === undefined) outcome = base === 0 ? 'saved' : 'kept-as-new';
  else if (revisionOf(stored) === base) outcome = 'saved';
  else if (revisionOf(stored) === next.revision && sameWriting(stored, next, ['updatedAt'])) {
    await tx.done;
    return { outcome: 'saved', writing: stored };
  } else outcome = 'kept-as-copy';
  const kept: Writing<S> = outcome === 'saved' ? next : { ...writing, id: newId(), createdAt: writing.updatedAt, revision: 1 };
  await Promise.all([tx.store.put(kept), tx.done]);
  return { outcome, writing: kept };
}

export function getWriting<S extends WritingStore>(db: LullDatabase, store: S, id: string): Promise<Writing<S> | undefined> {
  return db.get(store, id);
}

/** Every writing of a store, newest first. */
export async function listWritings<S extends WritingStore>(db: LullDatabase, store: S): Promise<Writing<S>[]> {
  return (await db.getAllFromIndex(store, 'by-created')).reverse();
}

export async function deleteWriting(db: LullDatabase, store: WritingStore, id: string): Promise<void> {
  const tx = db.transaction(store, 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}

/** Writings started after `since` (all of them when `since` is null). */
export function countWritingsSince(db: LullDatabase, store: WritingStore, since: EpochMilliseconds | null): Promise<number> {
  return db.countFromIndex(store, 'by-created', since === null ? undefined : IDBKeyRange.lowerBound(since, true));
}
