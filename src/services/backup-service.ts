import { readBackupData, writeBackupData, countRecords, type ImportSummary } from '../storage/backup';
import { readBackupText, writeBackupText } from '../storage/backup-file';
import { backupLimits, backupSections, type BackupSection } from '../storage/backup-format';
import { backupProblem } from '../storage/backup-problem';
import { countCheckInsSince } from '../storage/check-ins';
import { deleteLullDatabase } from '../storage/database';
import { countJournalEntriesSince } from '../storage/journal';
import { countLettersSince } from '../storage/letters';
import type { JournalEntry, Letter } from '../storage/schema';
import { settingKeys } from '../storage/setting-rules';
import { getSetting, putSetting } from '../storage/settings';
import { describeFailure, type DataStore } from './data-store';

export type { BackupSection, ImportSummary };
export { backupSections };

/** After this many new entries, letters and check-ins, the Your data screen suggests a backup. */
export const backupReminderAfter = 20;

/** What the Your data screen shows about what is stored. */
export interface DataSummary {
  readonly counts: Readonly<Record<'journal' | 'letters' | 'recordings' | 'checkIns' | 'sessionHistory' | 'breathPatterns' | 'supportContacts' | 'madeSessions', number>>;
  readonly lastBackupAt: number | null;
  /** Entries, letters and check-ins written since the last backup (or ever, without one). */
  readonly newSinceBackup: number;
}

export type ImportOutcome = { readonly ok: true; readonly summary: ImportSummary } | { readonly ok: false; readonly problems: readonly string[] };

/** What was deleted, and what could not be (each a phrase a person reads). */
export interface DeleteReport {
  readonly remaining: readonly string[];
}

/** `lull-backup-2025-11-27.json`, by the local date. */
export function backupFileName(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `lull-backup-${String(at.getFullYear())}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.json`;
}

export class BackupService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
  ) {}

  async summary(): Promise<DataSummary> {
    return this.store.run(async (db) => {
      const counts = await countRecords(db);
      const stored = await getSetting(db, settingKeys.lastBackup, this.now());
      const lastBackupAt = typeof stored === 'number' ? stored : null;
      const since = await Promise.all([countJournalEntriesSince(db, lastBackupAt), countLettersSince(db, lastBackupAt), countCheckInsSince(db, lastBackupAt)]);
      return {
        counts: {
          journal: counts.journal,
          letters: counts.letters,
          recordings: counts.recordings,
          checkIns: counts.checkIns,
          sessionHistory: counts.sessionHistory,
          breathPatterns: counts.breathPatterns,
          supportContacts: counts.supportContacts,
          madeSessions: counts.madeSessions,
        },
        lastBackupAt,
        newSinceBackup: since.reduce((total, count) => total + count, 0),
      };
    });
  }

  /**
   * Everything in one file, plus any unsaved drafts (so "Export now" on a full disk keeps
   * them), and remembers when. Reading needs no free space; noting the date might not get it.
   */
  async exportFile(unsaved: { readonly journal?: readonly JournalEntry[]; readonly letters?: readonly Letter[] } = {}): Promise<File> {
    const at = this.now();
    const data = await this.store.run((db) => readBackupData(db, at));
    const journal = withDrafts(data.journal, unsaved.journal ?? []);
    const letters = withDrafts(data.letters, unsaved.letters ?? []);
    const file = new File([writeBackupText({ ...data, journal, letters })], backupFileName(new Date(at)), { type: 'application/json' });
    await this.store.run((db) => putSetting(db, settingKeys.lastBackup, at)).catch(() => undefined);
    return file;
  }

  /**
   * One session's takes in the person's own voice as a file someone else can import (a person
   * they trust reads a session for them): a backup that holds those takes and nothing else.
   */
  async exportNarration(sessionId: string): Promise<File> {
    const at = this.now();
    const data = await this.store.run((db) => readBackupData(db, at));
    const takes = data.recordings.filter((recording) => recording.slot === 'narration' && recording.line?.sessionId === sessionId && recording.complete);
    const onlyTakes = { exportedAt: at, settings: [], journal: [], letters: [], recordings: takes, checkIns: [], sessionHistory: [], resumePositions: [], breathPatterns: [], supportContacts: [], madeSessions: [] };
    return new File([writeBackupText(onlyTakes)], `lull-voice-${sessionId}.json`, { type: 'application/json' });
  }

  /**
   * Checks the whole file first (size before reading, then every field), then writes all of it
   * in one strict transaction. On any problem nothing already here changes.
   */
  async importFile(file: Blob): Promise<ImportOutcome> {
    if (file.size > backupLimits.fileBytes) return { ok: false, problems: [backupProblem('too-large', '', file.size, backupLimits.fileBytes).message] };
    const read = readBackupText(await file.text(), this.now());
    if (!read.ok) return { ok: false, problems: read.problems.map((problem) => problem.message) };
    try {
      const summary = await this.store.run((db) => writeBackupData(db, read.data));
      this.store.notify('imported');
      return { ok: true, summary };
    } catch (error) {
      return { ok: false, problems: [`Nothing was imported. ${describeFailure(error).message}`] };
    }
  }

  /** Deletes the database, every cache and service worker of this site, then checks what remains. */
  async deleteEverything(): Promise<DeleteReport> {
    await this.store.close();
    const remaining: string[] = [];
    try {
      await deleteLullDatabase(this.store.databaseName);
    } catch (error) {
      remaining.push(`your saved data (${describeFailure(error).message})`);
    }
    // The service worker goes first: one still installing would otherwise fill a cache again right after it was emptied.
    if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) await Promise.all((await navigator.serviceWorker.getRegistrations()).map((registration) => registration.unregister()));
    await this.deleteCaches();
    try {
      localStorage.clear();
    } catch {
      // Storage blocked: there is nothing in it to delete.
    }
    remaining.push(...(await this.whatRemains()));
    this.store.notify('deleted');
    return { remaining: [...new Set(remaining)] };
  }

  /** Storage used and available for this site, when the browser says. */
  async estimate(): Promise<{ usage: number; quota: number } | undefined> {
    if (typeof navigator === 'undefined' || !('storage' in navigator) || typeof navigator.storage.estimate !== 'function') return undefined;
    const { usage, quota } = await navigator.storage.estimate();
    return usage === undefined || quota === undefined ? undefined : { usage, quota };
  }

  /** Empties Cache Storage, and again (a few times, briefly apart) while a worker that was mid-install still writes to it. */
  private async deleteCaches(): Promise<void> {
    if (!('caches' in globalThis)) return;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const keys = await caches.keys();
      if (keys.length === 0) return;
      await Promise.all(keys.map((key) => caches.delete(key)));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  private async whatRemains(): Promise<string[]> {
    const remaining: string[] = [];
    const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    const name = this.store.databaseName ?? 'lull';
    if (databases.some((database) => database.name === name)) remaining.push('your saved data');
    if ('caches' in globalThis) {
      const left = await caches.keys();
      if (left.length > 0) remaining.push(`${String(left.length)} downloaded file ${left.length === 1 ? 'store' : 'stores'}`);
    }
    if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator && (await navigator.serviceWorker.getRegistrations()).length > 0) remaining.push('the offline helper (service worker)');
    return remaining;
  }
}

/** The stored records with unsaved drafts in place of their stored versions, in id order. */
function withDrafts<T extends { readonly id: string }>(stored: readonly T[], drafts: readonly T[]): T[] {
  const replaced = new Set(drafts.map((draft) => draft.id));
  return [...stored.filter((record) => !replaced.has(record.id)), ...drafts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
