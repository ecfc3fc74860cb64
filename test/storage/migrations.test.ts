import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { Connection, openLullDatabase, type StorageNotice } from '../../src/storage/database';
import { migratedChunkBytes } from '../../src/storage/migrations';
import { readRecordingChunks } from '../../src/storage/recordings';
import { schemaVersion, storeNames } from '../../src/storage/schema';
import { buildDatabase, dumpDatabase, freshName, loadFixture } from './db-fixtures';

const fixtures = [loadFixture('test/fixtures/db/v1.json'), loadFixture('test/fixtures/db/v2.json')];

async function migrateDirectly(fixtureIndex: number): Promise<unknown> {
  const fixture = fixtures[fixtureIndex];
  if (!fixture) throw new Error('no such fixture');
  const name = freshName('direct');
  await buildDatabase(name, fixture);
  (await openLullDatabase({ name })).close();
  return dumpDatabase(name);
}

async function migrateStepByStep(fixtureIndex: number): Promise<unknown> {
  const fixture = fixtures[fixtureIndex];
  if (!fixture) throw new Error('no such fixture');
  const name = freshName('steps');
  await buildDatabase(name, fixture);
  for (let version = fixture.version + 1; version <= schemaVersion; version += 1) (await openLullDatabase({ name, version })).close();
  return dumpDatabase(name);
}

describe('schema migrations', () => {
  it.each([0, 1])('brings fixture %i to the newest version with the same result directly and one version at a time', async (index) => {
    const direct = await migrateDirectly(index);
    expect(await migrateStepByStep(index)).toEqual(direct);
    expect(direct).toMatchObject({ version: schemaVersion });
    expect(Object.keys((direct as { stores: object }).stores).sort()).toEqual([...storeNames].sort());
  });

  it('gives version 1 journal entries an updatedAt equal to createdAt and no prompt, keeping their text', async () => {
    const name = freshName('journal');
    await buildDatabase(name, fixtures[0] ?? { version: 1, stores: {} });
    const db = await openLullDatabase({ name });
    expect(await db.getAll('journal')).toEqual([
      { id: 'j-1', createdAt: 1700000100000, updatedAt: 1700000100000, text: 'First morning pages.\nSecond line.', prompt: null },
      { id: 'j-2', createdAt: 1700000200000, updatedAt: 1700000200000, text: 'שָׁלוֹם — a line in Hebrew 🙂', prompt: null },
      { id: 'j-3', createdAt: 1700000300000, updatedAt: 1700000300000, text: '', prompt: null },
    ]);
    expect(await db.getAllKeysFromIndex('journal', 'by-updated')).toEqual(['j-1', 'j-2', 'j-3']);
    db.close();
  });

  it('moves whole recordings into chunks without changing a byte, and marks them complete', async () => {
    const fixture = fixtures[0];
    if (!fixture) throw new Error('no fixture');
    const name = freshName('recordings');
    await buildDatabase(name, fixture);
    const db = await openLullDatabase({ name });
    for (const old of fixture.stores.recordings as { id: string; bytes: ArrayBuffer }[]) {
      const recording = await db.get('recordings', old.id);
      expect(recording).toMatchObject({ id: old.id, byteLength: old.bytes.byteLength, complete: true });
      expect(recording).not.toHaveProperty('bytes');
      const joined = Buffer.concat((await readRecordingChunks(db, old.id)).map((chunk) => new Uint8Array(chunk)));
      expect(joined.equals(new Uint8Array(old.bytes))).toBe(true);
    }
    db.close();
  });

  it('splits a recording larger than one chunk into several, in order', async () => {
    const name = freshName('big-recording');
    const bytes = new Uint8Array(migratedChunkBytes * 2 + 12_345).map((_, index) => (index * 7) % 251);
    await buildDatabase(name, {
      version: 2,
      stores: { recordings: [{ id: 'big', slot: 'letter', mimeType: 'audio/webm', createdAt: 1, durationMs: 90_000, bytes: bytes.buffer }] },
    });
    const db = await openLullDatabase({ name });
    expect(await db.get('recordings', 'big')).toMatchObject({ chunkCount: 3, byteLength: bytes.length });
    const chunks = await readRecordingChunks(db, 'big');
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([migratedChunkBytes, migratedChunkBytes, 12_345]);
    expect(Buffer.concat(chunks.map((chunk) => new Uint8Array(chunk))).equals(bytes)).toBe(true);
    db.close();
  });

  it('leaves the database at its old version, data intact, when a migration fails', async () => {
    const name = freshName('broken');
    await buildDatabase(name, { version: 2, stores: { recordings: [{ id: 'no-bytes', slot: 'letter', mimeType: 'audio/webm', createdAt: 1, durationMs: 1 }] } });
    await expect(openLullDatabase({ name })).rejects.toMatchObject({ code: 'migration-failed' });
    const db = await openDB(name);
    expect(db.version).toBe(2);
    expect(await db.count('recordings')).toBe(1);
    db.close();
  });
});

describe('meeting other versions and other tabs', () => {
  it('says "please update" and deletes nothing when the database is newer than this build', async () => {
    const name = freshName('newer');
    const future = await openDB(name, schemaVersion + 1, {
      upgrade(db) {
        db.createObjectStore('journal', { keyPath: 'id' });
      },
    });
    await future.put('journal', { id: 'kept', text: 'from the future' });
    future.close();
    const failure = openLullDatabase({ name });
    await expect(failure).rejects.toMatchObject({ code: 'newer-database' });
    await expect(failure).rejects.toThrow(/Please update Lull/u);
    const after = await openDB(name);
    expect(after.version).toBe(schemaVersion + 1);
    expect(await after.get('journal', 'kept')).toEqual({ id: 'kept', text: 'from the future' });
    after.close();
  });

  it('closes its connection when another tab upgrades, tells the person, and does not block that tab', async () => {
    const name = freshName('other-tab');
    const notices: StorageNotice[] = [];
    await buildDatabase(name, { version: 2, stores: {} });
    const old = new Connection({ name, version: 2, onNotice: (notice) => notices.push(notice) });
    await old.run((db) => db.count('journal'));
    const newer = await openLullDatabase({ name });
    expect(newer.version).toBe(schemaVersion);
    expect(notices).toEqual(['closed-for-upgrade']);
    newer.close();
    await expect(old.run((db) => db.count('journal'))).rejects.toMatchObject({ code: 'newer-database' });
  });

  it('tells the person when a tab that does not close holds up the upgrade, and finishes once it closes', async () => {
    const name = freshName('blocked');
    await buildDatabase(name, { version: 2, stores: {} });
    const otherTab = await openDB(name, 2);
    const notices: StorageNotice[] = [];
    const opening = openLullDatabase({ name, onNotice: (notice) => notices.push(notice) });
    await expect.poll(() => notices).toEqual(['upgrade-blocked']);
    otherTab.close();
    const db = await opening;
    expect(db.version).toBe(schemaVersion);
    db.close();
  });
});
