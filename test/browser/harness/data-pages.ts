import type { Download, Page } from 'playwright-core';

/** Runs in the page: every record of every store in the app's database (closing its connection after). */
export const databaseInPage = async (): Promise<Record<string, unknown[]> | null> => {
  const names = (await indexedDB.databases()).map((database) => database.name);
  if (!names.includes('lull')) return null;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('lull');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const stores: Record<string, unknown[]> = {};
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  await Promise.all(
    [...db.objectStoreNames].map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = tx.objectStore(name).getAll();
          request.onsuccess = () => {
            stores[name] = (request.result as unknown[]).map((value) =>
              value && typeof value === 'object' && 'bytes' in value && value.bytes instanceof ArrayBuffer ? { ...value, bytes: [...new Uint8Array(value.bytes)] } : value,
            );
            resolve();
          };
          request.onerror = () => reject(request.error ?? new Error('read failed'));
        }),
    ),
  );
  db.close();
  return stores;
};

/** Every record of every store in the app's database, read in the page. */
export const readDatabase = (page: Page): Promise<Record<string, unknown[]> | null> => page.evaluate(databaseInPage);

/** The journal's texts, by id. */
export async function journalTexts(page: Page): Promise<Map<string, string>> {
  const stores = await readDatabase(page);
  return new Map(((stores?.journal ?? []) as { id: string; text: string }[]).map((entry) => [entry.id, entry.text]));
}

/** A download's contents as text. */
export async function readDownload(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Puts records straight into a store of the app's database (which must exist: open a screen
 * that reads it first), the way an older import or another program could have left them.
 */
export function putRecords(page: Page, store: string, records: readonly unknown[]): Promise<void> {
  return page.evaluate(
    async ({ store: name, records: values }) => {
      // Opening a database that does not exist yet would create an empty one the app could not upgrade.
      if (!(await indexedDB.databases()).some((database) => database.name === 'lull')) throw new Error('The app has not made its database yet.');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('lull');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(name, 'readwrite');
        for (const value of values) tx.objectStore(name).put(value);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { store, records },
  );
}
