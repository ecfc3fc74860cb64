import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { WritingChange } from '../../src/services/data-store';
import { DataStore } from '../../src/services/data-store';
import { journalKind } from '../../src/services/journal-service';
import { WritingService } from '../../src/services/writing-service';
import { openLullDatabase } from '../../src/storage/database';
import { maxJournalText } from '../../src/storage/journal';
import type { JournalEntry } from '../../src/storage/schema';
import { deleteWriting, getWriting, listWritings, saveWriting } from '../../src/storage/writings';
import { freshName } from './db-fixtures';

const entry = (id: string, createdAt: number, text = `entry ${id}`): JournalEntry => ({ id, createdAt, updatedAt: createdAt, text, prompt: null });
const ids = (() => {
  let next = 0;
  return () => `copy-${String((next += 1))}`;
})();

describe('the writing repository', () => {
  it('lists entries newest first, and deletes one', async () => {
    const db = await openLullDatabase({ name: freshName('journal') });
    await saveWriting(db, 'journal', entry('old', 1), 0, ids);
    await saveWriting(db, 'journal', entry('new', 3), 0, ids);
    await saveWriting(db, 'journal', entry('middle', 2, 'שָׁלוֹם 🙂'), 0, ids);
    expect((await listWritings(db, 'journal')).map((item) => item.id)).toEqual(['new', 'middle', 'old']);
    await deleteWriting(db, 'journal', 'middle');
    expect(await getWriting(db, 'journal', 'middle')).toBeUndefined();
    db.close();
  });

  it('refuses text over the limit instead of cutting it', async () => {
    const db = await openLullDatabase({ name: freshName('long') });
    await expect(saveWriting(db, 'journal', entry('long', 1, 'x'.repeat(maxJournalText + 1)), 0, ids)).rejects.toMatchObject({ code: 'too-long' });
    await saveWriting(db, 'journal', entry('max', 1, 'x'.repeat(maxJournalText)), 0, ids);
    expect((await getWriting(db, 'journal', 'max'))?.text).toHaveLength(maxJournalText);
    db.close();
  });

  it('saves each change as the next revision on top of the one it was read at', async () => {
    const db = await openLullDatabase({ name: freshName('revisions') });
    expect(await saveWriting(db, 'journal', entry('a', 1, 'one'), 0, ids)).toEqual({ outcome: 'saved', writing: { ...entry('a', 1, 'one'), revision: 1 } });
    expect(await saveWriting(db, 'journal', { ...entry('a', 1, 'one two'), updatedAt: 2 }, 1, ids)).toMatchObject({ outcome: 'saved', writing: { id: 'a', revision: 2 } });
    expect(await getWriting(db, 'journal', 'a')).toEqual({ id: 'a', createdAt: 1, updatedAt: 2, text: 'one two', prompt: null, revision: 2 });
    db.close();
  });

  it('keeps a save made on an older revision as a separate entry, and leaves the newer one as it was', async () => {
    const db = await openLullDatabase({ name: freshName('behind') });
    await saveWriting(db, 'journal', entry('a', 1, 'read by both windows'), 0, ids);
    await saveWriting(db, 'journal', { ...entry('a', 1, 'saved first, in window A'), updatedAt: 2 }, 1, ids);
    const behind = await saveWriting(db, 'journal', { ...entry('a', 1, 'saved second, in window B'), updatedAt: 3 }, 1, () => 'b-copy');
    expect(behind).toEqual({ outcome: 'kept-as-copy', writing: { id: 'b-copy', createdAt: 3, updatedAt: 3, text: 'saved second, in window B', prompt: null, revision: 1 } });
    expect((await listWritings(db, 'journal')).map((item) => [item.id, item.text])).toEqual([
      ['b-copy', 'saved second, in window B'],
      ['a', 'saved first, in window A'],
    ]);
    db.close();
  });

  it('keeps a save to an entry deleted elsewhere as a new entry, never bringing the deleted one back', async () => {
    const db = await openLullDatabase({ name: freshName('deleted') });
    await saveWriting(db, 'letters', { id: 'l', createdAt: 1, updatedAt: 1, title: 'Dear you', text: 'first' }, 0, ids);
    await deleteWriting(db, 'letters', 'l');
    const late = await saveWriting(db, 'letters', { id: 'l', createdAt: 1, updatedAt: 5, title: 'Dear you', text: 'first, and more' }, 1, () => 'kept');
    expect(late).toMatchObject({ outcome: 'kept-as-new', writing: { id: 'kept', text: 'first, and more', title: 'Dear you', revision: 1 } });
    expect(await getWriting(db, 'letters', 'l')).toBeUndefined();
    db.close();
  });

  it('changes nothing when the same save runs again (a retry after a failure that came once it was written)', async () => {
    const db = await openLullDatabase({ name: freshName('twice') });
    const save = { ...entry('a', 1, 'once'), updatedAt: 7 };
    expect(await saveWriting(db, 'journal', save, 0, ids)).toMatchObject({ outcome: 'saved' });
    expect(await saveWriting(db, 'journal', save, 0, ids)).toEqual({ outcome: 'saved', writing: { ...save, revision: 1 } });
    expect(await saveWriting(db, 'journal', { ...save, updatedAt: 9 }, 0, ids)).toEqual({ outcome: 'saved', writing: { ...save, revision: 1 } });
    expect(await listWritings(db, 'journal')).toHaveLength(1);
    db.close();
  });

  it('counts an entry stored before revisions were kept as revision 1', async () => {
    const db = await openLullDatabase({ name: freshName('old-entry') });
    await db.put('journal', entry('old', 1, 'from an older build'));
    expect(await saveWriting(db, 'journal', { ...entry('old', 1, 'changed'), updatedAt: 2 }, 1, ids)).toMatchObject({ outcome: 'saved', writing: { revision: 2 } });
    db.close();
  });
});

describe('two windows on one database', () => {
  it('hear each other’s saves and deletes, and a window behind keeps its version beside the newer one', async () => {
    const name = freshName('windows');
    const [storeA, storeB] = [new DataStore(name), new DataStore(name)];
    const [windowA, windowB] = [new WritingService(storeA, journalKind), new WritingService(storeB, journalKind)];
    const heardByB: WritingChange[] = [];
    const stop = storeB.subscribeToWritings((change) => heardByB.push(change));
    try {
      const { draft } = await windowA.save({ ...windowA.newDraft(), text: 'written in A' });
      await expect.poll(() => heardByB).toEqual([{ type: 'writing-saved', store: 'journal', id: draft.id, revision: 1 }]);
      const inB = await windowB.read(draft.id);
      if (!inB) throw new Error('window B cannot read the entry');
      await windowA.save({ ...draft, text: 'written in A, then more in A' });
      const behind = await windowB.save({ ...inB, text: 'written in A, then something else in B' });
      expect(behind.outcome).toBe('kept-as-copy');
      expect((await windowA.list()).map((item) => item.text).sort()).toEqual(['written in A, then more in A', 'written in A, then something else in B']);
      await windowA.delete(draft.id);
      await expect.poll(() => heardByB.at(-1)).toEqual({ type: 'writing-deleted', store: 'journal', id: draft.id });
    } finally {
      stop();
    }
  });
});
