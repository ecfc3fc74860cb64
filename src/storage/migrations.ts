import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { JournalEntry, LullSchema, Recording, RecordingChunk } from './schema';

type UpgradeTransaction = IDBPTransaction<LullSchema, StoreNames<LullSchema>[], 'versionchange'>;

/** A journal entry as version 1 stored it. */
export interface JournalEntryV1 {
  readonly id: string;
  readonly createdAt: number;
  readonly text: string;
}

/** A recording as versions 1 and 2 stored it: all its bytes in one record. */
export interface RecordingV1 {
  readonly id: string;
  readonly slot: Recording['slot'];
  readonly mimeType: string;
  readonly createdAt: number;
  readonly durationMs: number;
  readonly bytes: ArrayBuffer;
}

/** Recordings moved out of version 2 are split into chunks of this many bytes. */
export const migratedChunkBytes = 1024 * 1024;

/**
 * Brings the database from `oldVersion` to `newVersion`, one version at a time, inside the
 * upgrade transaction. TypeScript's `noFallthroughCasesInSwitch` rules out the classic
 * fall-through `switch`; this loop runs the same steps in the same order and can stop at any
 * version, which lets tests build a database exactly as an older build left it.
 */
export async function migrate(db: IDBPDatabase<LullSchema>, oldVersion: number, newVersion: number, transaction: UpgradeTransaction): Promise<void> {
  for (let version = oldVersion; version < newVersion; version += 1) {
    switch (version) {
      case 0:
        createVersion1(db);
        break;
      case 1:
        await upgradeTo2(db, transaction);
        break;
      case 2:
        await upgradeTo3(db, transaction);
        break;
      case 3:
        db.createObjectStore('madeSessions', { keyPath: 'id' });
        break;
      default:
        throw new Error(`there is no step from version ${version} to ${version + 1}`);
    }
  }
}

function createVersion1(db: IDBPDatabase<LullSchema>): void {
  db.createObjectStore('settings', { keyPath: 'key' });
  db.createObjectStore('journal', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
  db.createObjectStore('letters', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
  db.createObjectStore('recordings', { keyPath: 'id' }).createIndex('by-slot', 'slot');
  db.createObjectStore('checkIns', { keyPath: 'id' }).createIndex('by-at', 'at');
  db.createObjectStore('sessionHistory', { keyPath: 'id' }).createIndex('by-started', 'startedAt');
  db.createObjectStore('breathPatterns', { keyPath: 'id' });
}

/** Journal entries learn when they were last changed and which question they answer. */
async function upgradeTo2(db: IDBPDatabase<LullSchema>, transaction: UpgradeTransaction): Promise<void> {
  db.createObjectStore('supportContacts', { keyPath: 'id' });
  db.createObjectStore('resumePositions', { keyPath: 'sessionId' });
  const journal = transaction.objectStore('journal');
  journal.createIndex('by-updated', 'updatedAt');
  for (let cursor = await journal.openCursor(); cursor; cursor = await cursor.continue()) {
    const old = cursor.value as unknown as JournalEntryV1;
    const entry: JournalEntry = { id: old.id, createdAt: old.createdAt, updatedAt: old.createdAt, text: old.text, prompt: null };
    await cursor.update(entry);
  }
}

/** Recordings move their bytes into chunks, so new recordings can be saved while they are made. */
async function upgradeTo3(db: IDBPDatabase<LullSchema>, transaction: UpgradeTransaction): Promise<void> {
  db.createObjectStore('recordingChunks', { keyPath: ['recordingId', 'index'] });
  const chunks = transaction.objectStore('recordingChunks');
  const recordings = transaction.objectStore('recordings');
  for (let cursor = await recordings.openCursor(); cursor; cursor = await cursor.continue()) {
    const old = cursor.value as unknown as RecordingV1;
    let chunkCount = 0;
    for (let start = 0; start < old.bytes.byteLength; start += migratedChunkBytes) {
      const chunk: RecordingChunk = { recordingId: old.id, index: chunkCount, bytes: old.bytes.slice(start, start + migratedChunkBytes) };
      await chunks.put(chunk);
      chunkCount += 1;
    }
    const recording: Recording = {
      id: old.id,
      slot: old.slot,
      mimeType: old.mimeType,
      createdAt: old.createdAt,
      durationMs: old.durationMs,
      byteLength: old.bytes.byteLength,
      chunkCount,
      complete: true,
    };
    await cursor.update(recording);
  }
}
