import { getSetting, lastBackupKey, putSetting } from '../storage/settings';
import type { DataStore } from './data-store';

/** Set once the person has been told how to keep their words where the browser may clear them. */
export const keepWordsToldKey = 'keepWordsTold';

/** The earliest and latest moments a stored backup date can honestly be. */
const earliestBackup = Date.UTC(2020, 0, 1);
const latestBackup = (): number => Date.now() + 24 * 60 * 60 * 1000;

/** The note about keeping one's words: said once, with the last backup's date at hand. */
export class KeepWordsService {
  constructor(private readonly store: DataStore) {}

  /** Whether the note was already given, and when the last backup was made (null: never). */
  read(): Promise<{ told: boolean; lastBackupAt: number | null }> {
    return this.store.run(async (db) => {
      const [told, lastBackupAt] = await Promise.all([getSetting(db, keepWordsToldKey), getSetting(db, lastBackupKey)]);
      const believable = typeof lastBackupAt === 'number' && lastBackupAt >= earliestBackup && lastBackupAt <= latestBackup();
      return { told: told === true, lastBackupAt: believable ? lastBackupAt : null };
    });
  }

  /** The note has been given: it is not given again on this device. */
  markTold(): Promise<void> {
    return this.store.run((db) => putSetting(db, keepWordsToldKey, true));
  }
}
