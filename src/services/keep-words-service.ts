import { settingKeys } from '../storage/setting-rules';
import { getSetting, putSetting } from '../storage/settings';
import type { DataStore } from './data-store';

/** The note about keeping one's words: said once, with the last backup's date at hand. */
export class KeepWordsService {
  constructor(private readonly store: DataStore) {}

  /** Whether the note was already given, and when the last backup was made (null: never). */
  read(): Promise<{ told: boolean; lastBackupAt: number | null }> {
    return this.store.run(async (db) => {
      const [told, lastBackupAt] = await Promise.all([getSetting(db, settingKeys.keepWordsTold), getSetting(db, settingKeys.lastBackup)]);
      return { told: told === true, lastBackupAt: typeof lastBackupAt === 'number' ? lastBackupAt : null };
    });
  }

  /** The note has been given: it is not given again on this device. */
  markTold(): Promise<void> {
    return this.store.run((db) => putSetting(db, settingKeys.keepWordsTold, true));
  }
}
