import { strict } from './database';
import type { EpochMilliseconds, LullDatabase, SettingValue } from './schema';
import { readStoredSetting } from './setting-rules';

/** A setting's value, or undefined when there is none or what is stored does not fit its key. */
export async function getSetting(db: LullDatabase, key: string, now: EpochMilliseconds = Date.now()): Promise<SettingValue | undefined> {
  const stored = await db.get('settings', key);
  return stored === undefined ? undefined : readStoredSetting(key, stored.value, now);
}

export async function putSetting(db: LullDatabase, key: string, value: SettingValue): Promise<void> {
  const tx = db.transaction('settings', 'readwrite', strict);
  await Promise.all([tx.store.put({ key, value }), tx.done]);
}
