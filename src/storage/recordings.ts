import type { RecordingSlot } from '../engine/script-model';
import { strict } from './database';
import { isKeepableRecording } from './recording-rules';
import type { TakeShape } from '../engine/take-shape';
import type { LullDatabase, Recording } from './schema';

const chunksOf = (recordingId: string) => IDBKeyRange.bound([recordingId, 0], [recordingId, Infinity]);

/** Starts a recording's record before its first chunk, so a cut-off recording can be found. */
export async function createRecording(db: LullDatabase, recording: Recording): Promise<void> {
  const tx = db.transaction('recordings', 'readwrite', strict);
  await Promise.all([tx.store.put(recording), tx.done]);
}

/**
 * Saves one chunk and updates the recording's length, in one transaction: what the record
 * says is always what the chunks hold. Writing the same chunk twice changes nothing.
 */
export async function appendRecordingChunk(db: LullDatabase, recordingId: string, index: number, bytes: ArrayBuffer, durationMs: number): Promise<void> {
  const tx = db.transaction(['recordings', 'recordingChunks'], 'readwrite', strict);
  const recordings = tx.objectStore('recordings');
  const chunks = tx.objectStore('recordingChunks');
  const [recording, existing] = await Promise.all([recordings.get(recordingId), chunks.get([recordingId, index])]);
  if (!recording) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`there is no recording ${recordingId} to add to`);
  }
  const byteLength = recording.byteLength - (existing?.bytes.byteLength ?? 0) + bytes.byteLength;
  await Promise.all([
    chunks.put({ recordingId, index, bytes }),
    recordings.put({ ...recording, byteLength, chunkCount: Math.max(recording.chunkCount, index + 1), durationMs: Math.max(recording.durationMs, durationMs) }),
    tx.done,
  ]);
}

export async function finishRecording(db: LullDatabase, recordingId: string, durationMs: number): Promise<void> {
  const tx = db.transaction('recordings', 'readwrite', strict);
  const recording = await tx.store.get(recordingId);
  if (recording) await tx.store.put({ ...recording, durationMs: Math.max(recording.durationMs, durationMs), complete: true });
  await tx.done;
}

/** The newest recording in a slot that may be played, if any. */
export async function getRecordingInSlot(db: LullDatabase, slot: RecordingSlot): Promise<Recording | undefined> {
  const inSlot = await db.getAllFromIndex('recordings', 'by-slot', slot);
  return inSlot.filter(isKeepableRecording).sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** A recording's bytes in order, as saved so far. */
export async function readRecordingChunks(db: LullDatabase, recordingId: string): Promise<ArrayBuffer[]> {
  return (await db.getAll('recordingChunks', chunksOf(recordingId))).map((chunk) => chunk.bytes);
}

export async function deleteRecording(db: LullDatabase, recordingId: string): Promise<void> {
  const tx = db.transaction(['recordings', 'recordingChunks'], 'readwrite', strict);
  await Promise.all([tx.objectStore('recordings').delete(recordingId), tx.objectStore('recordingChunks').delete(chunksOf(recordingId)), tx.done]);
}

/** Notes where the speech of a take lies and how loud it is. */
export async function setTakeShape(db: LullDatabase, recordingId: string, shape: TakeShape): Promise<void> {
  const tx = db.transaction('recordings', 'readwrite', strict);
  const recording = await tx.store.get(recordingId);
  if (recording) await tx.store.put({ ...recording, shape });
  await tx.done;
}

/** A session's takes in the person's own voice that may be played: for each line, the newest one. */
export async function getTakes(db: LullDatabase, sessionId: string): Promise<Recording[]> {
  const takes = (await db.getAllFromIndex('recordings', 'by-slot', 'narration')).filter(
    (take) => take.line?.sessionId === sessionId && take.complete && take.shape !== undefined && isKeepableRecording(take),
  );
  const newest = new Map<string, Recording>();
  for (const take of takes.sort((a, b) => a.createdAt - b.createdAt)) if (take.line) newest.set(take.line.key, take);
  return [...newest.values()];
}

/** Every take of one line (all but the newest are left over from a retake), to be let go together. */
export async function getTakesOfLine(db: LullDatabase, sessionId: string, key: string): Promise<Recording[]> {
  return (await db.getAllFromIndex('recordings', 'by-slot', 'narration')).filter((take) => take.line?.sessionId === sessionId && take.line.key === key);
}

/** Keeps a finished take that came whole (from a shared session file): its record and its one chunk together. */
export async function putWholeRecording(db: LullDatabase, recording: Recording, bytes: ArrayBuffer): Promise<void> {
  const tx = db.transaction(['recordings', 'recordingChunks'], 'readwrite', strict);
  await Promise.all([tx.objectStore('recordings').put(recording), tx.objectStore('recordingChunks').put({ recordingId: recording.id, index: 0, bytes }), tx.done]);
}
