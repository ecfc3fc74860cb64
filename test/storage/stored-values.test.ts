import 'fake-indexeddb/auto';
import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { readBackupData } from '../../src/storage/backup';
import { readBackupText, writeBackupText } from '../../src/storage/backup-file';
import { listBreathPatterns } from '../../src/storage/breath-patterns';
import { listCheckIns } from '../../src/storage/check-ins';
import { openLullDatabase } from '../../src/storage/database';
import { getRecordingInSlot } from '../../src/storage/recordings';
import type { LullDatabase } from '../../src/storage/schema';
import { getSetting } from '../../src/storage/settings';
import { listSupportContacts } from '../../src/storage/support-contacts';
import { freshName } from './db-fixtures';

const now = Date.UTC(2025, 5, 1);
const at = Date.UTC(2025, 0, 1);

/** Puts values straight into a store, as an older build's import or another program could have left them. */
async function putRaw(db: LullDatabase, store: 'settings' | 'breathPatterns' | 'supportContacts' | 'checkIns' | 'recordings', values: readonly unknown[]): Promise<void> {
  // Through the untyped database: these are the broken values the readers must survive.
  const raw = db as unknown as IDBPDatabase;
  const tx = raw.transaction(store, 'readwrite');
  await Promise.all([...values.map((value) => tx.store.put(value)), tx.done]);
}

describe('reading stored values that break the rules', () => {
  it('leaves out a breathing pattern the engine cannot play, and repairs a blank or long name', async () => {
    const db = await openLullDatabase({ name: freshName('patterns') });
    const good = { id: 'good', name: 'Evening', inhale: 4, hold: 0, exhale: 6, rest: 0, createdAt: at };
    await putRaw(db, 'breathPatterns', [
      good,
      { id: 'tiny', name: 'Tiny', inhale: 1e-300, hold: 0, exhale: 0, rest: 0, createdAt: at + 1 },
      { id: 'nan', name: 'Broken', inhale: Number.NaN, hold: 0, exhale: 6, rest: 0, createdAt: at + 2 },
      { id: 'text', name: 'Typed', inhale: '4', hold: 0, exhale: 6, rest: 0, createdAt: at + 3 },
      { id: 'blank', name: '   ', inhale: 4, hold: 0, exhale: 6, rest: 0, createdAt: at + 4 },
      { id: 'long', name: '🌙'.repeat(45), inhale: 4, hold: 0, exhale: 6, rest: 0, createdAt: 1e300 },
    ]);
    expect(await listBreathPatterns(db, now)).toEqual([
      good,
      { ...good, id: 'blank', name: 'Unnamed pattern', createdAt: at + 4 },
      { ...good, id: 'long', name: '🌙'.repeat(40), createdAt: now + 24 * 60 * 60 * 1000 },
    ]);
    db.close();
  });

  it('shows a contact without a name as "Unnamed contact" and drops a phone that is not a phone number', async () => {
    const db = await openLullDatabase({ name: freshName('contacts') });
    await putRaw(db, 'supportContacts', [
      { id: 'bad', name: '', phone: 'javascript:alert(document.domain)', note: 42, createdAt: at },
      { id: 'ok', name: 'Ana', phone: '+1 (555) 010-0199', note: 'mornings', createdAt: at + 1 },
    ]);
    expect(await listSupportContacts(db, now)).toEqual([
      { id: 'bad', name: 'Unnamed contact', phone: '', note: '', createdAt: at },
      { id: 'ok', name: 'Ana', phone: '+1 (555) 010-0199', note: 'mornings', createdAt: at + 1 },
    ]);
    db.close();
  });

  it('reads a setting that does not fit its key as no setting, so the default applies', async () => {
    const db = await openLullDatabase({ name: freshName('settings') });
    await putRaw(db, 'settings', [
      { key: 'lastBackupAt', value: 1e300 },
      { key: 'pacerVibrate', value: 'yes' },
      { key: 'checkInReminderTime', value: '25:99' },
      { key: 'pacerChoice', value: 'pattern=box&minutes=5' },
      { key: 'someday', value: 1e300 },
    ]);
    expect(await getSetting(db, 'lastBackupAt', now)).toBeUndefined();
    expect(await getSetting(db, 'pacerVibrate', now)).toBeUndefined();
    expect(await getSetting(db, 'checkInReminderTime', now)).toBeUndefined();
    expect(await getSetting(db, 'pacerChoice', now)).toBe('pattern=box&minutes=5');
    expect(await getSetting(db, 'someday', now)).toBe(1e300);
    await putRaw(db, 'settings', [{ key: 'lastBackupAt', value: now + 2 * 24 * 60 * 60 * 1000 }]);
    expect(await getSetting(db, 'lastBackupAt', now)).toBeUndefined();
    db.close();
  });

  it('leaves out a check-in without a sane moment, and reads a mood out of range as not answered', async () => {
    const db = await openLullDatabase({ name: freshName('check-ins') });
    await putRaw(db, 'checkIns', [
      { id: 'far', at: 1e300, moodBefore: 2, moodAfter: 4, feeling: '', need: '' },
      { id: 'odd', at, moodBefore: 7, moodAfter: 2.5, feeling: 'tired', need: 'x'.repeat(3000) },
    ]);
    expect(await listCheckIns(db, now)).toEqual([{ id: 'odd', at, moodBefore: null, moodAfter: null, feeling: 'tired', need: 'x'.repeat(2000) }]);
    db.close();
  });

  it('never hands the browser a recording whose type is not audio, or that is larger than a recording may be', async () => {
    const db = await openLullDatabase({ name: freshName('recordings') });
    const recording = { slot: 'letter', durationMs: 1000, byteLength: 3, chunkCount: 1, complete: true };
    await putRaw(db, 'recordings', [
      { ...recording, id: 'page', mimeType: 'text/html', createdAt: at + 2 },
      { ...recording, id: 'huge', mimeType: 'audio/webm', byteLength: 1e12, createdAt: at + 1 },
      { ...recording, id: 'voice', mimeType: 'audio/webm;codecs=opus', createdAt: at },
    ]);
    expect((await getRecordingInSlot(db, 'letter'))?.id).toBe('voice');
    db.close();
  });

  it('exports what the screens show, so a database with broken values still makes a backup that imports', async () => {
    const db = await openLullDatabase({ name: freshName('export') });
    await putRaw(db, 'breathPatterns', [{ id: 'tiny', name: 'Tiny', inhale: 1e-300, hold: 0, exhale: 0, rest: 0, createdAt: at }]);
    await putRaw(db, 'supportContacts', [{ id: 'bad', name: '', phone: 'javascript:alert(1)', note: '', createdAt: at }]);
    await putRaw(db, 'settings', [{ key: 'lastBackupAt', value: 1e300 }]);
    await putRaw(db, 'checkIns', [{ id: 'far', at: -5, moodBefore: 2, moodAfter: 4, feeling: '', need: '' }]);
    const exported = await readBackupData(db, now);
    expect(exported).toMatchObject({ breathPatterns: [], settings: [], checkIns: [], supportContacts: [{ id: 'bad', name: 'Unnamed contact', phone: '' }] });
    expect(readBackupText(writeBackupText(exported), now)).toEqual({ ok: true, data: exported });
    db.close();
  });
});
