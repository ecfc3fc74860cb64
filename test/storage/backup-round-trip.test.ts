import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { readBackupData, writeBackupData } from '../../src/storage/backup';
import { readBackupText, writeBackupText } from '../../src/storage/backup-file';
import { backupLimits, backupSections, type BackupData } from '../../src/storage/backup-format';
import { openLullDatabase } from '../../src/storage/database';
import { maxJournalText } from '../../src/storage/journal';
import { earliestTime } from '../../src/storage/time-rules';
import { backupData, inStoreOrder } from './backup-arbitraries';
import { freshName } from './db-fixtures';
import { seedDatabase } from './seed-database';

const exportedAt = 1_764_000_000_000;

/** Deep equality, with recording bytes compared as buffers (element by element is slow for megabytes). */
function expectSameData(actual: BackupData, expected: BackupData): void {
  const withoutBytes = (data: BackupData) => ({ ...data, recordings: data.recordings.map((recording) => ({ ...recording, bytes: recording.bytes.length })) });
  expect(withoutBytes(actual)).toEqual(withoutBytes(expected));
  actual.recordings.forEach((recording, index) => {
    expect(Buffer.from(recording.bytes).equals(expected.recordings[index]?.bytes ?? new Uint8Array())).toBe(true);
  });
}

/** Seeds one database, exports it to text, imports the text into an empty one, and reads both back. */
async function roundTrip(data: BackupData, chunkBytes?: number): Promise<{ original: BackupData; restored: BackupData; text: string }> {
  const [from, to] = [freshName('export'), freshName('import')];
  const source = await openLullDatabase({ name: from });
  const target = await openLullDatabase({ name: to });
  try {
    await seedDatabase(source, data, chunkBytes);
    const original = await readBackupData(source, exportedAt);
    const text = writeBackupText(original);
    const read = readBackupText(text);
    if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
    await writeBackupData(target, read.data);
    return { original, restored: await readBackupData(target, exportedAt), text };
  } finally {
    source.close();
    target.close();
    await Promise.all([deleteDB(from), deleteDB(to)]);
  }
}

describe('export and import', () => {
  it('gives back exactly the database it was exported from, for 1,000 generated datasets', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(backupData({ items: 4, text: 400, bytes: 2000 }), async (data) => {
        runs += 1;
        const { original, restored } = await roundTrip(data);
        expect(original).toEqual(inStoreOrder({ ...data, exportedAt }));
        expect(restored).toEqual(original);
      }),
      { numRuns: 1000 },
    );
    expect(runs).toBe(1000);
  }, 60_000);

  it('gives back exactly a dataset at the maximal sizes: 200,000-character entries and a multi-megabyte recording', async () => {
    const long = '🙂שָׁלוֹם'.repeat(maxJournalText / 8).slice(0, maxJournalText);
    const bytes = new Uint8Array(3 * 1024 * 1024 + 7).map((_, index) => (index * 31 + 7) % 256);
    const data: BackupData = {
      exportedAt,
      settings: [{ key: 'k'.repeat(64), value: 'v'.repeat(10_000) }],
      journal: [
        { id: 'a'.repeat(64), createdAt: earliestTime, updatedAt: exportedAt, text: long, prompt: 'p'.repeat(2000), revision: Number.MAX_SAFE_INTEGER },
        { id: 'empty', createdAt: earliestTime + 1, updatedAt: earliestTime + 1, text: '', prompt: null },
      ],
      letters: [{ id: 'letter', createdAt: earliestTime + 2, updatedAt: earliestTime + 3, title: 't'.repeat(500), text: long, earlierVersionOf: 'b'.repeat(64) }],
      recordings: [{ id: 'voice', slot: 'letter', mimeType: 'audio/webm;codecs=opus', createdAt: earliestTime + 4, durationMs: 86_400_000, complete: false, bytes }],
      checkIns: [],
      sessionHistory: [],
      resumePositions: [],
      breathPatterns: [],
      supportContacts: [],
  madeSessions: [],
    };
    const { original, restored, text } = await roundTrip(data, 64 * 1024);
    expectSameData(restored, original);
    expectSameData(original, inStoreOrder(data));
    expect(text.length).toBeLessThan(backupLimits.fileBytes);
  });

  it('creates no duplicates when the same file is imported twice, and counts what was already there', async () => {
    const [sample] = fc.sample(backupData({ items: 4, text: 50, bytes: 100 }).filter((data) => data.journal.length > 0), { numRuns: 1, seed: 7 });
    if (!sample) throw new Error('no sample');
    const db = await openLullDatabase({ name: freshName('twice') });
    const first = await writeBackupData(db, sample);
    const once = await readBackupData(db, exportedAt);
    const second = await writeBackupData(db, sample);
    expect(await readBackupData(db, exportedAt)).toEqual(once);
    const records = backupSections.reduce((total, section) => total + sample[section].length, 0);
    expect(first).toMatchObject({ identical: 0, earlierCopies: 0 });
    expect(Object.values(first.added).reduce((total, count) => total + count, 0)).toBe(records);
    expect(second.identical).toBe(records);
    expect([...Object.values(second.added), ...Object.values(second.kept), ...Object.values(second.updated)].every((count) => count === 0)).toBe(true);
    db.close();
  });

  it('keeps what is already here and adds what the file brings', async () => {
    const db = await openLullDatabase({ name: freshName('merge') });
    const mine: BackupData = { ...inStoreOrder({ exportedAt, settings: [], journal: [], letters: [], recordings: [], checkIns: [], sessionHistory: [], resumePositions: [], breathPatterns: [], supportContacts: [], madeSessions: [] }) };
    await writeBackupData(db, { ...mine, journal: [{ id: 'mine', createdAt: 1, updatedAt: 1, text: 'mine', prompt: null }] });
    await writeBackupData(db, { ...mine, journal: [{ id: 'theirs', createdAt: 2, updatedAt: 2, text: 'from the file', prompt: null }] });
    expect((await readBackupData(db, exportedAt)).journal.map((entry) => entry.id)).toEqual(['mine', 'theirs']);
    db.close();
  });
});
