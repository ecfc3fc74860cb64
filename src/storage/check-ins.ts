import { strict } from './database';
import type { CheckIn, EpochMilliseconds, LullDatabase } from './schema';

export async function putCheckIn(db: LullDatabase, checkIn: CheckIn): Promise<void> {
  const tx = db.transaction('checkIns', 'readwrite', strict);
  await Promise.all([tx.store.put(checkIn), tx.done]);
}

/** The gentle history: every check-in, oldest first. */
export function listCheckIns(db: LullDatabase): Promise<CheckIn[]> {
  return db.getAllFromIndex('checkIns', 'by-at');
}

export async function deleteCheckIn(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction('checkIns', 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}

export function countCheckInsSince(db: LullDatabase, since: EpochMilliseconds | null): Promise<number> {
  return db.countFromIndex('checkIns', 'by-at', since === null ? undefined : IDBKeyRange.lowerBound(since, true));
}
