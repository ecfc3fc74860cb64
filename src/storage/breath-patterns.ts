import { strict } from './database';
import type { CustomBreathPattern, LullDatabase } from './schema';

export async function putBreathPattern(db: LullDatabase, pattern: CustomBreathPattern): Promise<void> {
  const tx = db.transaction('breathPatterns', 'readwrite', strict);
  await Promise.all([tx.store.put(pattern), tx.done]);
}

/** The person's named patterns, in the order they made them. */
export async function listBreathPatterns(db: LullDatabase): Promise<CustomBreathPattern[]> {
  return (await db.getAll('breathPatterns')).sort((a, b) => a.createdAt - b.createdAt);
}

export async function deleteBreathPattern(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction('breathPatterns', 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}
