import type { IDBPTransaction } from 'idb';
import type { BackupData, BackupRecording } from './backup-format';
import { planMerge, type ImportSummary } from './backup-merge';
import { readStoredPattern } from './breath-pattern-rules';
import { readStoredCheckIn } from './check-in-rules';
import { readStoredContact } from './contact-rules';
import { readStoredMadeSession } from './made-session-rules';
import { strict } from './database';
import { migratedChunkBytes } from './migrations';
import { isKeepableRecording } from './recording-rules';
import { storeNames, type EpochMilliseconds, type LullDatabase, type LullSchema, type Recording, type RecordingChunk, type StoreName } from './schema';
import { readStoredResume, readStoredRun } from './session-memory-rules';
import { readStoredSetting } from './setting-rules';

export type { ImportSummary };

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
  const [settings, journal, letters, recordings, chunks, checkIns, sessionHistory, resumePositions, breathPatterns, supportContacts, madeSessions] = await Promise.all([
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
    all('madeSessions'),
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
      ...(recording.line ? { line: recording.line } : {}),
      ...(recording.shape ? { shape: recording.shape } : {}),
      mimeType: recording.mimeType,
      createdAt: recording.createdAt,
      durationMs: recording.durationMs,
      complete: recording.complete,
      bytes: joinChunks(chunksByRecording.get(recording.id) ?? []),
    }),
  );
  return { exportedAt, settings, journal, letters, recordings: withBytes, checkIns, sessionHistory, resumePositions, breathPatterns, supportContacts, madeSessions, storedRecordings: recordings };
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
    sessionHistory: stored.sessionHistory.flatMap((run) => readStoredRun(run, exportedAt) ?? []),
    resumePositions: stored.resumePositions.flatMap((position) => readStoredResume(position, exportedAt) ?? []),
    breathPatterns: stored.breathPatterns.flatMap((pattern) => readStoredPattern(pattern, exportedAt) ?? []),
    supportContacts: stored.supportContacts.flatMap((contact) => readStoredContact(contact, exportedAt) ?? []),
    madeSessions: stored.madeSessions.flatMap((session) => readStoredMadeSession(session, exportedAt) ?? []),
  };
}

/**
 * Merges a checked backup into the database in one strict transaction: all of it or, on any
 * failure, none of it. Nothing newer here is reverted (see `planMerge`); importing the same file
 * twice changes nothing the second time.
 */
export async function writeBackupData(db: LullDatabase, data: BackupData): Promise<ImportSummary> {
  const tx = db.transaction([...storeNames], 'readwrite', strict);
  const { writes, summary } = planMerge(await readStores(tx, data.exportedAt), data);
  const pending: Promise<unknown>[] = [];
  const putAll = <S extends 'settings' | 'journal' | 'letters' | 'checkIns' | 'sessionHistory' | 'resumePositions' | 'breathPatterns' | 'supportContacts' | 'madeSessions'>(
    store: S,
    items: readonly LullSchema[S]['value'][],
  ) => {
    const objectStore = tx.objectStore(store);
    for (const item of items) pending.push(objectStore.put(item));
  };
  putAll('settings', writes.settings);
  putAll('journal', writes.journal);
  putAll('letters', writes.letters);
  putAll('checkIns', writes.checkIns);
  putAll('sessionHistory', writes.sessionHistory);
  putAll('resumePositions', writes.resumePositions);
  putAll('breathPatterns', writes.breathPatterns);
  putAll('supportContacts', writes.supportContacts);
  putAll('madeSessions', writes.madeSessions);
  const chunks = tx.objectStore('recordingChunks');
  for (const { bytes, ...recording } of writes.recordings) {
    pending.push(chunks.delete(IDBKeyRange.bound([recording.id, 0], [recording.id, Infinity])));
    let chunkCount = 0;
    for (let start = 0; start < bytes.length; start += importChunkBytes) {
      pending.push(chunks.put({ recordingId: recording.id, index: chunkCount, bytes: bytes.slice(start, start + importChunkBytes).buffer }));
      chunkCount += 1;
    }
    const stored: Recording = { ...recording, byteLength: bytes.length, chunkCount };
    pending.push(tx.objectStore('recordings').put(stored));
  }
  await Promise.all([...pending, tx.done]);
  return summary;
}

/** How many records each store holds. */
export async function countRecords(db: LullDatabase): Promise<Record<StoreName, number>> {
  const tx = db.transaction([...storeNames], 'readonly');
  const counts = await Promise.all(storeNames.map((name) => tx.objectStore(name).count()));
  await tx.done;
  return Object.fromEntries(storeNames.map((name, index) => [name, counts[index] ?? 0])) as Record<StoreName, number>;
}
