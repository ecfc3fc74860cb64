import type { IDBPTransaction, StoreValue } from 'idb';
import { backupSections, type BackupData, type BackupRecording, type BackupSection } from './backup-format';
import { readStoredPattern } from './breath-pattern-rules';
import { readStoredCheckIn } from './check-in-rules';
import { readStoredContact } from './contact-rules';
import { strict } from './database';
import { migratedChunkBytes } from './migrations';
import { isKeepableRecording } from './recording-rules';
import { storeNames, type EpochMilliseconds, type LullDatabase, type LullSchema, type Recording, type RecordingChunk, type StoreName } from './schema';
import { readStoredSetting } from './setting-rules';

/** Imported recordings are stored in chunks of this size. */
const importChunkBytes = migratedChunkBytes;

function joinChunks(chunks: readonly RecordingChunk[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.bytes.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(new Uint8Array(chunk.bytes), offset);
    offset += chunk.bytes.byteLength;
  }
  return bytes;
}

type AllStores = IDBPTransaction<LullSchema, StoreName[], IDBTransactionMode>;

/** Every record as it is stored, recordings with their bytes joined, inside `tx`. */
async function readStores(tx: AllStores, exportedAt: EpochMilliseconds): Promise<BackupData & { readonly storedRecordings: readonly Recording[] }> {
  const all = <S extends StoreName>(name: S) => tx.objectStore(name).getAll();
  const [settings, journal, letters, recordings, chunks, checkIns, sessionHistory, resumePositions, breathPatterns, supportContacts] = await Promise.all([
    all('settings'),
    all('journal'),
    all('letters'),
    all('recordings'),
    all('recordingChunks'),
    all('checkIns'),
    all('sessionHistory'),
    all('resumePositions'),
    all('breathPatterns'),
    all('supportContacts'),
  ]);
  const chunksByRecording = new Map<string, RecordingChunk[]>();
  for (const chunk of chunks) {
    const group = chunksByRecording.get(chunk.recordingId);
    if (group) group.push(chunk);
    else chunksByRecording.set(chunk.recordingId, [chunk]);
  }
  const withBytes = recordings.map(
    (recording): BackupRecording => ({
      id: recording.id,
      slot: recording.slot,
      mimeType: recording.mimeType,
      createdAt: recording.createdAt,
      durationMs: recording.durationMs,
      complete: recording.complete,
      bytes: joinChunks(chunksByRecording.get(recording.id) ?? []),
    }),
  );
  return { exportedAt, settings, journal, letters, recordings: withBytes, checkIns, sessionHistory, resumePositions, breathPatterns, supportContacts, storedRecordings: recordings };
}

/**
 * Everything in the database, read in one transaction so the copy is consistent. Patterns,
 * contacts, check-ins, settings and recordings pass the same rules as when the app reads them
 * (repaired, or left out), so an export holds what the screens show and always imports again.
 */
export async function readBackupData(db: LullDatabase, exportedAt: EpochMilliseconds): Promise<BackupData> {
  const tx = db.transaction([...storeNames], 'readonly');
  const { storedRecordings, ...stored } = await readStores(tx, exportedAt);
  await tx.done;
  const keepable = new Set(storedRecordings.filter(isKeepableRecording).map((recording) => recording.id));
  return {
    ...stored,
    settings: stored.settings.flatMap(({ key, value }) => {
      const read = readStoredSetting(key, value, exportedAt);
      return read === undefined ? [] : [{ key, value: read }];
    }),
    recordings: stored.recordings.filter((recording) => keepable.has(recording.id)),
    checkIns: stored.checkIns.flatMap((checkIn) => readStoredCheckIn(checkIn, exportedAt) ?? []),
    breathPatterns: stored.breathPatterns.flatMap((pattern) => readStoredPattern(pattern, exportedAt) ?? []),
    supportContacts: stored.supportContacts.flatMap((contact) => readStoredContact(contact, exportedAt) ?? []),
  };
}

export interface ImportSummary {
  /** Records per section that the file held. */
  readonly imported: Readonly<Record<BackupSection, number>>;
  /** How many of them were already here (same id) and were replaced by the file's version. */
  readonly alreadyHere: number;
}

/**
 * Writes a checked backup in one strict transaction: all of it or, on any failure, none of it.
 * Records keep their ids, so importing the same file twice leaves one copy of each.
 */
export async function writeBackupData(db: LullDatabase, data: BackupData): Promise<ImportSummary> {
  const tx = db.transaction([...storeNames], 'readwrite', strict);
  const keys = await Promise.all(backupSections.map((section) => tx.objectStore(section).getAllKeys()));
  const existing = new Set(keys.flatMap((sectionKeys, index) => sectionKeys.map((key) => `${backupSections[index] ?? ''}\u0000${key}`)));
  let alreadyHere = 0;
  const note = (section: BackupSection, key: string) => {
    if (existing.has(`${section}\u0000${key}`)) alreadyHere += 1;
  };
  const writes: Promise<unknown>[] = [];
  for (const setting of data.settings) {
    note('settings', setting.key);
    writes.push(tx.objectStore('settings').put(setting));
  }
  const putAll = <S extends 'journal' | 'letters' | 'checkIns' | 'sessionHistory' | 'breathPatterns' | 'supportContacts'>(
    section: S,
    items: readonly StoreValue<LullSchema, S>[],
  ) => {
    const store = tx.objectStore(section);
    for (const item of items) {
      note(section, item.id);
      writes.push(store.put(item));
    }
  };
  putAll('journal', data.journal);
  putAll('letters', data.letters);
  putAll('checkIns', data.checkIns);
  putAll('sessionHistory', data.sessionHistory);
  putAll('breathPatterns', data.breathPatterns);
  putAll('supportContacts', data.supportContacts);
  for (const position of data.resumePositions) {
    note('resumePositions', position.sessionId);
    writes.push(tx.objectStore('resumePositions').put(position));
  }
  const chunks = tx.objectStore('recordingChunks');
  for (const { bytes, ...recording } of data.recordings) {
    note('recordings', recording.id);
    writes.push(chunks.delete(IDBKeyRange.bound([recording.id, 0], [recording.id, Infinity])));
    let chunkCount = 0;
    for (let start = 0; start < bytes.length; start += importChunkBytes) {
      writes.push(chunks.put({ recordingId: recording.id, index: chunkCount, bytes: bytes.slice(start, start + importChunkBytes).buffer }));
      chunkCount += 1;
    }
    const stored: Recording = { ...recording, byteLength: bytes.length, chunkCount };
    writes.push(tx.objectStore('recordings').put(stored));
  }
  await Promise.all([...writes, tx.done]);
  const imported = Object.fromEntries(backupSections.map((section) => [section, data[section].length])) as Record<BackupSection, number>;
  return { imported, alreadyHere };
}

/** How many records each store holds. */
export async function countRecords(db: LullDatabase): Promise<Record<StoreName, number>> {
  const tx = db.transaction([...storeNames], 'readonly');
  const counts = await Promise.all(storeNames.map((name) => tx.objectStore(name).count()));
  await tx.done;
  return Object.fromEntries(storeNames.map((name, index) => [name, counts[index] ?? 0])) as Record<StoreName, number>;
}
