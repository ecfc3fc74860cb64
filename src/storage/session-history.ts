import type { LullDatabase, ResumePosition, SessionRun } from './schema';

/** Session runs are not something the person wrote: the default (relaxed) durability is enough. */
export async function putSessionRun(db: LullDatabase, run: SessionRun): Promise<void> {
  await db.put('sessionHistory', run);
}

/** Every run, oldest first. */
export function listSessionRuns(db: LullDatabase): Promise<SessionRun[]> {
  return db.getAllFromIndex('sessionHistory', 'by-started');
}

/** Where to resume a session, kept per session. */
export async function putResumePosition(db: LullDatabase, position: ResumePosition): Promise<void> {
  await db.put('resumePositions', position);
}

export function getResumePosition(db: LullDatabase, sessionId: string): Promise<ResumePosition | undefined> {
  return db.get('resumePositions', sessionId);
}

export async function clearResumePosition(db: LullDatabase, sessionId: string): Promise<void> {
  await db.delete('resumePositions', sessionId);
}
