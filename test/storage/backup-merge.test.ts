import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupService } from '../../src/services/backup-service';
import { DataStore } from '../../src/services/data-store';
import { readBackupData, writeBackupData } from '../../src/storage/backup';
import { writeBackupText } from '../../src/storage/backup-file';
import { backupSections, type BackupData, type BackupSection } from '../../src/storage/backup-format';
import type { ImportSummary } from '../../src/storage/backup-merge';
import { sameValue } from '../../src/storage/same-value';
import { openLullDatabase } from '../../src/storage/database';
import { backupData } from './backup-arbitraries';
import { freshName } from './db-fixtures';
import { deviceAfter } from './device-changes';
import { seedDatabase } from './seed-database';

const exportedAt = 1_764_000_000_000;
const sizes = { items: 4, text: 60, bytes: 200 };

type Item = BackupData[BackupSection][number];
const keyOf = (section: BackupSection, item: Item): string => (section === 'settings' ? (item as { key: string }).key : section === 'resumePositions' ? (item as { sessionId: string }).sessionId : (item as { id: string }).id);
const byKey = (data: BackupData, section: BackupSection): Map<string, Item> => new Map(data[section].map((item: Item) => [keyOf(section, item), item]));

/** Everything a person wrote, as text: entries, letters, check-in notes and contacts. */
function writings(data: BackupData): string[] {
  return [
    ...data.journal.map((entry) => JSON.stringify(['journal', entry.text, entry.prompt])),
    ...data.letters.map((letter) => JSON.stringify(['letter', letter.title, letter.text])),
    ...data.checkIns.map((checkIn) => JSON.stringify(['check-in', checkIn.feeling, checkIn.need])),
    ...data.supportContacts.map((contact) => JSON.stringify(['contact', contact.name, contact.phone, contact.note])),
  ];
}

const nothingChanged = (summary: ImportSummary) =>
  [...Object.values(summary.added), ...Object.values(summary.updated)].every((count) => count === 0) && summary.earlierCopies === 0;

/** A device's state and an older backup of it: the backup exported first, then the device changed. */
const deviceAndOlderBackup = backupData(sizes).chain((backup) => deviceAfter(backup, sizes).map((device) => ({ backup, device })));

describe('importing an older backup', () => {
  it('keeps every newer edit, loses nothing of either side, and changes nothing when imported again, for 300 generated devices and backups', async () => {
    let newerOnDevice = 0;
    let newerKept = 0;
    let earlierCopies = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(deviceAndOlderBackup, async ({ backup, device }) => {
        runs += 1;
        const store = new DataStore(freshName('merge'));
        const service = new BackupService(store, () => exportedAt);
        try {
          await store.run((db) => seedDatabase(db, device));
          const file = new File([writeBackupText(backup)], 'older.json');
          const first = await service.importFile(file);
          expect(first.ok).toBe(true);
          const merged = await store.run((db) => readBackupData(db, exportedAt));

          for (const section of backupSections) {
            const before = byKey(backup, section);
            const after = byKey(merged, section);
            for (const [key, mine] of byKey(device, section)) {
              const old = before.get(key);
              if (old !== undefined && !sameValue(old, mine)) {
                newerOnDevice += 1;
                if (sameValue(after.get(key), mine)) newerKept += 1;
              }
              expect(after.get(key), `${section} ${key}, as on the device`).toEqual(mine);
            }
            // What was deleted on the device since the backup comes back: a merge cannot tell a deletion from a record never seen.
            for (const [key, old] of before) if (!byKey(device, section).has(key)) expect(after.get(key), `${section} ${key}, from the backup`).toEqual(old);
          }

          const kept = new Set(writings(merged));
          for (const written of [...writings(device), ...writings(backup)]) expect(kept.has(written), `still there: ${written}`).toBe(true);
          if (first.ok) earlierCopies += first.summary.earlierCopies;
          for (const [id, entry] of byKey(device, 'journal') as Map<string, BackupData['journal'][number]>) {
            const old = backup.journal.find((candidate) => candidate.id === id);
            if (old && old.text !== entry.text) expect(merged.journal.some((copy) => copy.earlierVersionOf === id && copy.text === old.text && copy.id !== id)).toBe(true);
          }

          const second = await service.importFile(file);
          expect(second.ok && nothingChanged(second.summary)).toBe(true);
          expect(await store.run((db) => readBackupData(db, exportedAt))).toEqual(merged);
        } finally {
          await service.deleteEverything();
        }
      }),
      { numRuns: 300 },
    );
    expect(runs).toBe(300);
    expect(newerOnDevice).toBeGreaterThan(300);
    expect(newerKept).toBe(newerOnDevice);
    console.info(
      `older-backup imports: ${String(runs)} datasets, ${String(newerKept)} of ${String(newerOnDevice)} records newer on the device kept (${((100 * newerKept) / newerOnDevice).toFixed(1)} %), ${String(earlierCopies)} earlier versions kept as copies`,
    );
  }, 120_000);

  const empty: BackupData = { exportedAt, settings: [], journal: [], letters: [], recordings: [], checkIns: [], sessionHistory: [], resumePositions: [], breathPatterns: [], supportContacts: [], madeSessions: [] };
  const written = Date.UTC(2025, 0, 1);
  const entry = { id: 'entry', createdAt: written, updatedAt: written, text: 'What I wrote first', prompt: null };
  const letter = { id: 'letter', createdAt: written, updatedAt: written, title: 'Dear you', text: 'The first draft' };

  it('keeps the text written here since the backup, and the backup’s text beside it as an earlier version', async () => {
    const db = await openLullDatabase({ name: freshName('newer-here') });
    const newer = { ...entry, text: 'What I wrote since', updatedAt: written + 60_000 };
    const newerLetter = { ...letter, text: 'The second draft', updatedAt: written + 60_000 };
    await writeBackupData(db, { ...empty, journal: [newer], letters: [newerLetter] });
    const summary = await writeBackupData(db, { ...empty, journal: [entry], letters: [letter] });
    const after = await readBackupData(db, exportedAt);
    expect(after.journal.find((item) => item.id === 'entry')).toEqual(newer);
    expect(after.journal.filter((item) => item.id !== 'entry')).toEqual([{ ...entry, id: expect.stringMatching(/^entry-earlier-[0-9a-f]{16}$/u) as string, earlierVersionOf: 'entry' }]);
    expect(after.letters.find((item) => item.id === 'letter')).toEqual(newerLetter);
    expect(after.letters.filter((item) => item.id !== 'letter').map((item) => [item.text, item.earlierVersionOf])).toEqual([['The first draft', 'letter']]);
    expect(summary).toMatchObject({ kept: { journal: 1, letters: 1 }, updated: { journal: 0, letters: 0 }, earlierCopies: 2, identical: 0 });
    db.close();
  });

  it('takes the backup’s version when it is the newer one, keeping the older text from here as an earlier version', async () => {
    const db = await openLullDatabase({ name: freshName('newer-there') });
    await writeBackupData(db, { ...empty, journal: [entry] });
    const fromOtherDevice = { ...entry, text: 'Written later on my other phone', updatedAt: written + 60_000, revision: 4 };
    const summary = await writeBackupData(db, { ...empty, journal: [fromOtherDevice] });
    const after = await readBackupData(db, exportedAt);
    expect(after.journal.find((item) => item.id === 'entry')).toEqual(fromOtherDevice);
    expect(after.journal.filter((item) => item.id !== 'entry').map((item) => [item.text, item.earlierVersionOf])).toEqual([['What I wrote first', 'entry']]);
    expect(summary).toMatchObject({ updated: { journal: 1 }, kept: { journal: 0 }, earlierCopies: 1 });
    db.close();
  });

  it('at the same change time, keeps the version saved more often, and makes no copy when only the save count differs', async () => {
    const db = await openLullDatabase({ name: freshName('revisions') });
    await writeBackupData(db, { ...empty, journal: [{ ...entry, revision: 3 }] });
    const summary = await writeBackupData(db, { ...empty, journal: [{ ...entry, revision: 2 }] });
    expect((await readBackupData(db, exportedAt)).journal).toEqual([{ ...entry, revision: 3 }]);
    expect(summary).toMatchObject({ kept: { journal: 1 }, earlierCopies: 0 });
    db.close();
  });
});
