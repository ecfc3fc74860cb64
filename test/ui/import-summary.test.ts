import { describe, expect, it } from 'vitest';
import type { BackupSection } from '../../src/services/backup-service';
import { describeImport } from '../../src/ui/data/import-summary';

const none: Record<BackupSection, number> = { settings: 0, journal: 0, letters: 0, recordings: 0, checkIns: 0, sessionHistory: 0, resumePositions: 0, breathPatterns: 0, supportContacts: 0, madeSessions: 0 };
const summary = (change: Partial<{ added: Partial<typeof none>; kept: Partial<typeof none>; updated: Partial<typeof none>; identical: number; earlierCopies: number }>) => ({
  added: { ...none, ...change.added },
  kept: { ...none, ...change.kept },
  updated: { ...none, ...change.updated },
  identical: change.identical ?? 0,
  earlierCopies: change.earlierCopies ?? 0,
});

describe('what an import says it did', () => {
  it('says in plain words what was added, what stayed newer here, what was skipped, and that earlier versions are kept', () => {
    expect(describeImport(summary({ added: { journal: 2, letters: 1 }, kept: { journal: 1 }, identical: 12, earlierCopies: 1 }))).toBe(
      'Added 2 journal entries and 1 letter. Kept this device’s version of 1 journal entry, changed here since the backup. ' +
        '1 other version is kept as well, marked “Earlier version”, so nothing you wrote is lost. Skipped 12 records already here, unchanged.',
    );
  });

  it('says when the backup brought something newer', () => {
    expect(describeImport(summary({ updated: { letters: 1 }, earlierCopies: 1 }))).toBe(
      'Updated 1 letter to the newer version in the backup. 1 other version is kept as well, marked “Earlier version”, so nothing you wrote is lost.',
    );
  });

  it('says there was nothing new when everything was already here', () => {
    expect(describeImport(summary({ identical: 9 }))).toBe('Nothing new to add. Skipped 9 records already here, unchanged.');
    expect(describeImport(summary({ kept: { settings: 2, breathPatterns: 1 }, identical: 1 }))).toBe(
      'Nothing new to add. Kept this device’s version of 2 settings and 1 breathing pattern, changed here since the backup. Skipped 1 record already here, unchanged.',
    );
  });

  it('says an empty backup changed nothing', () => {
    expect(describeImport(summary({}))).toBe('The backup was empty; nothing changed.');
  });
});
