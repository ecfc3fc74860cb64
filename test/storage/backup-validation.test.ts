import { describe, expect, it } from 'vitest';
import { readBackupText, writeBackupText } from '../../src/storage/backup-file';
import { backupFormatVersion, type BackupData } from '../../src/storage/backup-format';

const at = 1_763_000_000_000;
const valid: BackupData = {
  exportedAt: 1_764_000_000_000,
  settings: [{ key: 'lastBackupAt', value: at }],
  journal: [
    { id: 'j1', createdAt: at + 1, updatedAt: at + 2, text: 'one', prompt: null },
    { id: 'j2', createdAt: at + 3, updatedAt: at + 4, text: 'two', prompt: 'What did you need?', revision: 3 },
  ],
  letters: [],
  recordings: [{ id: 'r1', slot: 'letter', mimeType: 'audio/webm;codecs=opus', createdAt: at + 5, durationMs: 1000, complete: true, bytes: new Uint8Array([1, 2, 3, 4]) }],
  checkIns: [],
  sessionHistory: [],
  resumePositions: [],
  breathPatterns: [],
  supportContacts: [],
  madeSessions: [],
};

/** The valid file as a plain object, to break one thing at a time. */
const file = (): Record<string, unknown> & { journal: Record<string, unknown>[]; recordings: Record<string, unknown>[] } =>
  JSON.parse(writeBackupText(valid)) as Record<string, unknown> & { journal: Record<string, unknown>[]; recordings: Record<string, unknown>[] };

const problemsOf = (source: string): string[] => {
  const read = readBackupText(source);
  return read.ok ? [] : read.problems.map((problem) => problem.message);
};

describe('reading a backup file', () => {
  it('accepts a valid file and decodes its recordings', () => {
    const read = readBackupText(writeBackupText(valid));
    expect(read).toEqual({ ok: true, data: valid });
  });

  it('names the field, its place and the rule when text is too long', () => {
    const broken = file();
    const entry = broken.journal[1];
    if (entry) entry.text = 'x'.repeat(200_001);
    expect(problemsOf(JSON.stringify(broken))).toEqual(['journal[1].text: must be text of at most 200000 characters']);
  });

  it('rejects unknown keys and says which fields exist', () => {
    const broken = file();
    const entry = broken.journal[0];
    if (entry) entry.colour = 'blue';
    expect(problemsOf(JSON.stringify(broken))).toEqual(['journal[0].colour: is not a field Lull knows here; the fields are: id, createdAt, updatedAt, text, prompt, revision, earlierVersionOf']);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a "%s" key anywhere, and pollutes nothing', (key) => {
    const source = writeBackupText(valid).replace('"id":"j1"', `"${key}":{"polluted":true},"id":"j1"`).replace('{"format"', `{"${key}":{"polluted":true},"format"`);
    expect(problemsOf(source)).toEqual([`${key}: is a name a backup may never use`, `journal[0].${key}: is a name a backup may never use`]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('reports wrong types, missing fields and repeated ids together', () => {
    const broken = file();
    broken.exportedAt = 'yesterday';
    const second = broken.journal[1];
    if (second) second.id = 'j1';
    const recording = broken.recordings[0];
    if (recording) recording.data = 'not base64!';
    Reflect.deleteProperty(recording ?? {}, 'createdAt');
    expect(problemsOf(JSON.stringify(broken))).toEqual([
      'exportedAt: must be a moment from 1 January 2000 to one day from now, in whole milliseconds since 1970',
      'journal[1].id: repeats the id of journal[0]',
      'recordings[0].createdAt: is missing',
      'recordings[0].data: must be base64-encoded audio of at most 64 MB',
    ]);
  });

  it('says a file from a newer Lull needs an update, without reading further', () => {
    expect(problemsOf(JSON.stringify({ ...file(), version: backupFormatVersion + 1, journal: 'anything' }))).toEqual([
      `This backup was made by a newer version of Lull (backup format ${String(backupFormatVersion + 1)}; this version reads up to ${String(backupFormatVersion)}). Update Lull, then import it again.`,
    ]);
  });

  it('says clearly what is wrong with files that are not backups at all', () => {
    expect(problemsOf('')).toEqual(['The file is empty.']);
    expect(problemsOf('{"format":"lull-backup","version":1')).toEqual(['The file is damaged or cut off, so Lull cannot read it.']);
    expect(problemsOf('[1,2,3]')).toEqual(['This file is not a Lull backup.']);
    expect(problemsOf(`{"format":"lull-backup","journal":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)).toEqual([
      'The data is nested more than 8 levels deep (at character 42); a Lull backup never is.',
    ]);
  });

  it('refuses a list longer than its limit without reading its items', () => {
    const broken = { ...file(), supportContacts: new Array(1001).fill(0) };
    expect(problemsOf(JSON.stringify(broken))).toEqual(['supportContacts: must be a list of at most 1000 items']);
  });

  it('stops after 50 problems and says there are more', () => {
    const broken = { ...file(), checkIns: new Array(200).fill({}) };
    const problems = problemsOf(JSON.stringify(broken));
    expect(problems).toHaveLength(51);
    expect(problems.at(-1)).toBe('There are more problems; these are the first 50.');
  });

  it('refuses what the forms refuse, naming the place of each problem', () => {
    const broken = file();
    const now = Date.now();
    broken.settings = [
      { key: 'lastBackupAt', value: 1e300 },
      { key: 'pacerVibrate', value: 'yes' },
    ];
    broken.breathPatterns = [
      { id: 'p1', name: 'Tiny', inhale: 1e-300, hold: 0, exhale: 6, rest: 0, createdAt: at },
      { id: 'p2', name: 'x'.repeat(41), inhale: 4, hold: 61, exhale: 6, rest: 0, createdAt: at },
    ];
    broken.supportContacts = [{ id: 'c1', name: ' ', phone: 'javascript:alert(document.domain)', note: '', createdAt: at }];
    const [recording] = broken.recordings;
    if (recording) recording.mimeType = 'text/html';
    const [entry] = broken.journal;
    if (entry) {
      entry.createdAt = 0;
      entry.updatedAt = now + 2 * 24 * 60 * 60 * 1000;
    }
    expect(problemsOf(JSON.stringify(broken))).toEqual([
      'settings[0].value: must be a moment from 1 January 2000 to one day from now, in whole milliseconds since 1970',
      'settings[1].value: must be true or false',
      'journal[0].createdAt: must be a moment from 1 January 2000 to one day from now, in whole milliseconds since 1970',
      'journal[0].updatedAt: must be a moment from 1 January 2000 to one day from now, in whole milliseconds since 1970',
      'recordings[0].mimeType: must be an audio type such as "audio/webm;codecs=opus", of at most 100 characters',
      'breathPatterns[0].inhale: must be a number of seconds from 1 to 60',
      'breathPatterns[1].name: must be a name of 1 to 40 characters',
      'breathPatterns[1].hold: must be a number of seconds from 0 to 60',
      'supportContacts[0].name: must be a name: text of 1 to 100 characters, not only spaces',
      'supportContacts[0].phone: must be a phone number of at most 40 digits, spaces and + ( ) -, or empty',
    ]);
  });

  it('reads a file from before journal entries and letters had revisions, and keeps a revision when one is there', () => {
    const older = JSON.parse(writeBackupText({ ...valid, journal: [{ id: 'j1', createdAt: at, updatedAt: at, text: 'one', prompt: null }] })) as Record<string, unknown>;
    older.version = 1;
    expect(readBackupText(JSON.stringify(older))).toMatchObject({ ok: true, data: { journal: [{ id: 'j1', createdAt: at, updatedAt: at, text: 'one', prompt: null }] } });
    const read = readBackupText(writeBackupText(valid));
    expect(read.ok && read.data.journal[1]).toEqual({ id: 'j2', createdAt: at + 3, updatedAt: at + 4, text: 'two', prompt: 'What did you need?', revision: 3 });
  });
});
