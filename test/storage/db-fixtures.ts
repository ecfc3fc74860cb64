import { readFileSync } from 'node:fs';
import { openDB } from 'idb';
import { openLullDatabase } from '../../src/storage/database';

/** A database's contents as JSON: stores by name, ArrayBuffers as `{ "$bytes": base64 }`. */
export interface DatabaseFixture {
  readonly version: number;
  readonly stores: Readonly<Record<string, readonly unknown[]>>;
}

const isBytes = (value: unknown): value is { $bytes: string } =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof (value as { $bytes?: unknown }).$bytes === 'string';

export function loadFixture(path: string): DatabaseFixture {
  return JSON.parse(readFileSync(path, 'utf8'), (_key, value: unknown) => {
    if (!isBytes(value)) return value;
    const buffer = Buffer.from(value.$bytes, 'base64');
    return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  }) as DatabaseFixture;
}

let counter = 0;
/** A database name no other test uses. */
export const freshName = (label: string): string => `test-${label}-${String((counter += 1))}`;

/** Builds a database exactly as an older build left it: the app's own steps up to that version, then the fixture's records. */
export async function buildDatabase(name: string, fixture: DatabaseFixture): Promise<void> {
  (await openLullDatabase({ name, version: fixture.version })).close();
  const names = Object.keys(fixture.stores);
  if (names.length === 0) return;
  const db = await openDB(name);
  const tx = db.transaction(names, 'readwrite');
  await Promise.all([...names.flatMap((store) => (fixture.stores[store] ?? []).map((value) => tx.objectStore(store).put(value))), tx.done]);
  db.close();
}

/** Everything in a database, with the version and the indexes of every store, as plain JSON. */
export async function dumpDatabase(name: string): Promise<unknown> {
  const db = await openDB(name);
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readonly');
  const stores: Record<string, unknown> = {};
  for (const store of names) {
    const objectStore = tx.objectStore(store);
    const rows: unknown[] = await objectStore.getAll();
    stores[store] = { keyPath: objectStore.keyPath, indexes: [...objectStore.indexNames], rows };
  }
  await tx.done;
  const version = db.version;
  db.close();
  return JSON.parse(
    JSON.stringify({ version, stores }, (_key, value: unknown) => (value instanceof ArrayBuffer ? { $bytes: Buffer.from(value).toString('base64') } : value)),
  );
}
