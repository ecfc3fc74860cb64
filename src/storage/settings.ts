import { strict } from './database';
import type { LullDatabase, SettingValue } from './schema';

/** Keys the storage layer itself uses. */
export const lastBackupKey = 'lastBackupAt';

export async function getSetting(db: LullDatabase, key: string): Promise<SettingValue | undefined> {
  return (await db.get('settings', key))?.value;
}

export async function putSetting(db: LullDatabase, key: string, value: SettingValue): Promise<void> {
  const tx = db.transaction('settings', 'readwrite', strict);
  await Promise.all([tx.store.put({ key, value }), tx.done]);
}
