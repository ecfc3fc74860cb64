import type { EpochMilliseconds, LullDatabase, ResumePosition, SessionRun } from './schema';
import { readStoredResume, readStoredRun } from './session-memory-rules';

/** Session runs are not something the person wrote: the default (relaxed) durability is enough. */
export async function putSessionRun(db: LullDatabase, run: SessionRun): Promise<void> {
  await db.put('sessionHistory', run);
}

/** Every run, oldest first; one that breaks the rules is repaired or left out. */
export async function listSessionRuns(db: LullDatabase, now: EpochMilliseconds = Date.now()): Promise<SessionRun[]> {
  return (await db.getAllFromIndex('sessionHistory', 'by-started')).flatMap((stored) => readStoredRun(stored, now) ?? []);
}

export async function getSessionRun(db: LullDatabase, id: string, now: EpochMilliseconds = Date.now()): Promise<SessionRun | undefined> {
  const stored = await db.get('sessionHistory', id);
  return stored === undefined ? undefined : readStoredRun(stored, now);
}

/** Where to resume a session, kept per session: written every few seconds while it plays, so relaxed durability. */
export async function putResumePosition(db: LullDatabase, position: ResumePosition): Promise<void> {
  await db.put('resumePositions', position);
}

export async function getResumePosition(db: LullDatabase, sessionId: string, now: EpochMilliseconds = Date.now()): Promise<ResumePosition | undefined> {
  const stored = await db.get('resumePositions', sessionId);
  return stored === undefined ? undefined : readStoredResume(stored, now);
}

/** Every place to resume that keeps the rules. */
export async function listResumePositions(db: LullDatabase, now: EpochMilliseconds = Date.now()): Promise<ResumePosition[]> {
  return (await db.getAll('resumePositions')).flatMap((stored) => readStoredResume(stored, now) ?? []);
}

export async function clearResumePosition(db: LullDatabase, sessionId: string): Promise<void> {
  await db.delete('resumePositions', sessionId);
}
