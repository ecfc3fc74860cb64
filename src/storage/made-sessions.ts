import { strict } from './database';
import { readStoredMadeSession } from './made-session-rules';
import type { EpochMilliseconds, LullDatabase, MadeSession } from './schema';

/** How a save went: written, or (another window saved it meanwhile) kept as a copy beside the other. */
export type MadeSaveOutcome = 'saved' | 'kept-as-copy';

/**
 * Saves a made session that was edited from revision `base` (0 for a new one). If another window
 * saved it since, neither edit is lost: this one is kept as a copy under `newId`.
 */
export async function saveMadeSession(db: LullDatabase, session: Omit<MadeSession, 'revision'>, base: number, newId: () => string): Promise<{ outcome: MadeSaveOutcome; session: MadeSession }> {
  const tx = db.transaction('madeSessions', 'readwrite', strict);
  const stored = await tx.store.get(session.id);
  const outcome: MadeSaveOutcome = (stored?.revision ?? 0) === base ? 'saved' : 'kept-as-copy';
  const kept: MadeSession = outcome === 'saved' ? { ...session, revision: base + 1 } : { ...session, id: newId(), title: `${session.title} (copy)`.slice(0, 80), createdAt: session.updatedAt, revision: 1 };
  await Promise.all([tx.store.put(kept), tx.done]);
  return { outcome, session: kept };
}

export async function getMadeSession(db: LullDatabase, id: string, now: EpochMilliseconds = Date.now()): Promise<MadeSession | undefined> {
  const stored: unknown = await db.get('madeSessions', id);
  return stored === undefined ? undefined : readStoredMadeSession(stored, now);
}

/** The person's sessions, the one changed last first; one that breaks the rules is left out (and kept). */
export async function listMadeSessions(db: LullDatabase, now: EpochMilliseconds = Date.now()): Promise<MadeSession[]> {
  return (await db.getAll('madeSessions')).flatMap((stored) => readStoredMadeSession(stored, now) ?? []).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Removes a made session and every take of its lines, in one transaction. */
export async function deleteMadeSession(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction(['madeSessions', 'recordings', 'recordingChunks'], 'readwrite', strict);
  const recordings = tx.objectStore('recordings');
  const chunks = tx.objectStore('recordingChunks');
  const takes = (await recordings.getAll()).filter((recording) => recording.line?.sessionId === id);
  await Promise.all([
    tx.objectStore('madeSessions').delete(id),
    ...takes.flatMap((take) => [recordings.delete(take.id), chunks.delete(IDBKeyRange.bound([take.id, 0], [take.id, Number.MAX_SAFE_INTEGER]))]),
    tx.done,
  ]);
}
