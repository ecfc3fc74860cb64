import { readStoredPattern } from './breath-pattern-rules';
import { strict } from './database';
import type { CustomBreathPattern, EpochMilliseconds, LullDatabase } from './schema';

export async function putBreathPattern(db: LullDatabase, pattern: CustomBreathPattern): Promise<void> {
  const tx = db.transaction('breathPatterns', 'readwrite', strict);
  await Promise.all([tx.store.put(pattern), tx.done]);
}

/** The person's named patterns, in the order they made them; one that breaks the rules is repaired or left out. */
export async function listBreathPatterns(db: LullDatabase, now: EpochMilliseconds = Date.now()): Promise<CustomBreathPattern[]> {
  return (await db.getAll('breathPatterns')).flatMap((stored) => readStoredPattern(stored, now) ?? []).sort((a, b) => a.createdAt - b.createdAt);
}

export async function deleteBreathPattern(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction('breathPatterns', 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}
