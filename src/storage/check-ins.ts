import { readStoredCheckIn } from './check-in-rules';
import { strict } from './database';
import type { CheckIn, EpochMilliseconds, LullDatabase } from './schema';

export async function putCheckIn(db: LullDatabase, checkIn: CheckIn): Promise<void> {
  const tx = db.transaction('checkIns', 'readwrite', strict);
  await Promise.all([tx.store.put(checkIn), tx.done]);
}

/** The gentle history: every check-in, oldest first; one that breaks the rules is repaired or left out. */
export async function listCheckIns(db: LullDatabase, now: EpochMilliseconds = Date.now()): Promise<CheckIn[]> {
  return (await db.getAllFromIndex('checkIns', 'by-at')).flatMap((stored) => readStoredCheckIn(stored, now) ?? []);
}

export async function deleteCheckIn(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction('checkIns', 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}

export function countCheckInsSince(db: LullDatabase, since: EpochMilliseconds | null): Promise<number> {
  return db.countFromIndex('checkIns', 'by-at', since === null ? undefined : IDBKeyRange.lowerBound(since, true));
}
