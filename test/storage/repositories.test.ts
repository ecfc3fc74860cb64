import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BackupService } from '../../src/services/backup-service';
import { DataStore } from '../../src/services/data-store';
import { journalKind } from '../../src/services/journal-service';
import { letterKind } from '../../src/services/letter-service';
import { ReminderService } from '../../src/services/reminder-service';
import { WritingService } from '../../src/services/writing-service';
import { Connection } from '../../src/storage/database';
import { appendRecordingChunk, createRecording, deleteRecording, finishRecording, getRecordingInSlot, readRecordingChunks } from '../../src/storage/recordings';
import { isConnectionLost, toStorageError } from '../../src/storage/storage-error';
import { openLullDatabase } from '../../src/storage/database';
import { freshName } from './db-fixtures';

describe('recordings repository', () => {
  it('keeps a recording cut off mid-way up to its last chunk, and deletes it with its chunks', async () => {
    const db = await openLullDatabase({ name: freshName('recording') });
    await createRecording(db, { id: 'r', slot: 'letter', mimeType: 'audio/webm', createdAt: 1, durationMs: 0, byteLength: 0, chunkCount: 0, complete: false });
    await appendRecordingChunk(db, 'r', 0, new Uint8Array([1, 2]).buffer, 5000);
    await appendRecordingChunk(db, 'r', 1, new Uint8Array([3]).buffer, 10_000);
    await appendRecordingChunk(db, 'r', 1, new Uint8Array([3]).buffer, 10_000);
    expect(await getRecordingInSlot(db, 'letter')).toMatchObject({ chunkCount: 2, byteLength: 3, durationMs: 10_000, complete: false });
    expect((await readRecordingChunks(db, 'r')).map((chunk) => [...new Uint8Array(chunk)])).toEqual([[1, 2], [3]]);
    await finishRecording(db, 'r', 10_400);
    expect(await getRecordingInSlot(db, 'letter')).toMatchObject({ durationMs: 10_400, complete: true });
    await deleteRecording(db, 'r');
    expect(await getRecordingInSlot(db, 'letter')).toBeUndefined();
    expect(await db.count('recordingChunks')).toBe(0);
    db.close();
  });
});

describe('failures a person can read', () => {
  it('turns a full disk into a quota-exceeded error with a plain message', () => {
    const error = toStorageError(new DOMException('quota', 'QuotaExceededError'));
    expect(error.code).toBe('quota-exceeded');
    expect(error.message).toBe('This device has no storage space left for Lull, so this was not saved.');
  });

  it('recognises Safari’s dropped connection', () => {
    expect(isConnectionLost(new DOMException('The database connection is closing.', 'InvalidStateError'))).toBe(true);
    expect(isConnectionLost(new Error('UnknownError: Connection is closing.'))).toBe(true);
    expect(isConnectionLost(new DOMException('x', 'QuotaExceededError'))).toBe(false);
  });

  it('reopens and retries once when the connection was closing, then gives up with a clear message', async () => {
    const connection = new Connection({ name: freshName('retry') });
    let calls = 0;
    const closing = () => new DOMException('The database connection is closing.', 'InvalidStateError');
    expect(
      await connection.run((db) => {
        calls += 1;
        if (calls === 1) throw closing();
        return db.count('journal');
      }),
    ).toBe(0);
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      connection.run(() => {
        calls += 1;
        throw closing();
      }),
    ).rejects.toMatchObject({ code: 'connection-lost' });
    expect(calls).toBe(2);
    await connection.close();
  });
});

describe('journal and backup services', () => {
  it('confirms a save by reading it back, and asks for nothing until there is text', async () => {
    let now = 1000;
    const store = new DataStore(freshName('service'));
    const journal = new WritingService(store, journalKind, () => now);
    const draft = journal.newDraft();
    expect(await journal.list()).toEqual([]);
    now = 2000;
    expect(await journal.save({ ...draft, text: 'hello 🙂' })).toEqual({ outcome: 'saved', draft: { ...draft, text: 'hello 🙂', revision: 1 } });
    expect(await journal.list()).toEqual([{ id: draft.id, createdAt: 1000, updatedAt: 2000, text: 'hello 🙂', prompt: null, revision: 1 }]);
  });

  it('notes the last backup on export and counts new entries since, for a gentle reminder', async () => {
    const base = Date.UTC(2025, 0, 1);
    let now = base + 1000;
    const store = new DataStore(freshName('reminder'));
    const journal = new WritingService(store, journalKind, () => now);
    const backup = new BackupService(store, () => now);
    for (let index = 0; index < 3; index += 1) await journal.save({ ...journal.newDraft(), text: `entry ${String(index)}` });
    expect(await backup.summary()).toMatchObject({ lastBackupAt: null, newSinceBackup: 3 });
    now = base + 5000;
    const file = await backup.exportFile();
    expect(file.name).toMatch(/^lull-backup-\d{4}-\d{2}-\d{2}\.json$/u);
    now = base + 6000;
    await journal.save({ ...journal.newDraft(), text: 'after the backup' });
    expect(await backup.summary()).toMatchObject({ lastBackupAt: base + 5000, newSinceBackup: 1, counts: { journal: 4 } });
  });
});

describe('letters and the reminder', () => {
  it('keeps letters with their titles, newest first, confirms each save, and refuses one too long', async () => {
    let now = 1000;
    const store = new DataStore(freshName('letters'));
    const letters = new WritingService(store, letterKind, () => now);
    const first = letters.newDraft();
    now = 2000;
    const second = letters.newDraft();
    expect(await letters.save({ ...first, text: 'Dear you 🙂' })).toMatchObject({ outcome: 'saved', draft: { id: first.id, createdAt: 1000, title: '', text: 'Dear you 🙂', revision: 1 } });
    await letters.save({ ...second, title: 'Second', text: 'Again' });
    expect((await letters.list()).map((letter) => letter.title)).toEqual(['Second', '']);
    await expect(letters.save({ ...second, text: 'x'.repeat(200_001) })).rejects.toMatchObject({ code: 'too-long' });
    expect((await letters.list()).map((letter) => letter.text)).toEqual(['Again', 'Dear you 🙂']);
    await letters.delete(first.id);
    expect((await letters.list()).map((letter) => letter.id)).toEqual([second.id]);
  });

  it('puts unsaved drafts in an export in place of what is stored, for "Export now" on a full disk', async () => {
    const store = new DataStore(freshName('export-drafts'));
    const letters = new WritingService(store, letterKind, () => 1000);
    const journal = new WritingService(store, journalKind, () => 1000);
    const letter = (await letters.save({ ...letters.newDraft(), text: 'stored letter' })).draft;
    const entry = (await journal.save({ ...journal.newDraft(), text: 'stored entry' })).draft;
    const backup = new BackupService(store, () => 2000);
    const file = await backup.exportFile({
      letters: [letterKind.toWriting({ ...letter, text: 'unsaved letter' }, 2000)],
      journal: [journalKind.toWriting({ ...entry, text: 'unsaved entry' }, 2000)],
    });
    const exported = JSON.parse(await file.text()) as { letters: { text: string }[]; journal: { text: string }[] };
    expect(exported.letters.map((item) => item.text)).toEqual(['unsaved letter']);
    expect(exported.journal.map((item) => item.text)).toEqual(['unsaved entry']);
  });

  it('keeps the reminder time, and makes its calendar file start at the next such time', async () => {
    const store = new DataStore(freshName('reminder-time'));
    const reminder = new ReminderService(store, () => new Date(2026, 10, 27, 9, 0));
    expect(await reminder.time()).toBeNull();
    await reminder.setTime('08:30');
    expect(await reminder.time()).toBe('08:30');
    const tomorrow = await reminder.calendarFile('08:30', 'https://lull.example/check-in', 'uid@lull').text();
    expect(tomorrow).toContain('DTSTART:20261128T083000');
    const today = await reminder.calendarFile('21:00', 'https://lull.example/check-in', 'uid@lull').text();
    expect(today).toContain('DTSTART:20261127T210000');
    await reminder.setTime(null);
    expect(await reminder.time()).toBeNull();
  });
});
