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

/** Several settings at once, read in one transaction: those missing or not fitting their key are left out. */
export async function getSettings(db: LullDatabase, keys: readonly string[], now: EpochMilliseconds = Date.now()): Promise<Map<string, SettingValue>> {
  const tx = db.transaction('settings', 'readonly');
  const stored = await Promise.all(keys.map((key) => tx.store.get(key)));
  await tx.done;
  const values = new Map<string, SettingValue>();
  for (const setting of stored) {
    const value = setting === undefined ? undefined : readStoredSetting(setting.key, setting.value, now);
    if (setting !== undefined && value !== undefined) values.set(setting.key, value);
  }
  return values;
}
