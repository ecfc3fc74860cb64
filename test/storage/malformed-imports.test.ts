import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupService } from '../../src/services/backup-service';
import { DataStore } from '../../src/services/data-store';
import { readBackupData } from '../../src/storage/backup';
import { readBackupText, writeBackupText } from '../../src/storage/backup-file';
import { backupFormatVersion, backupLimits, backupSections } from '../../src/storage/backup-format';
import { backupData } from './backup-arbitraries';
import { freshName } from './db-fixtures';
import { seedDatabase } from './seed-database';

const [existing] = fc.sample(backupData({ items: 3, text: 80, bytes: 300 }).filter((data) => data.journal.length > 0 && data.recordings.length > 0), { numRuns: 1, seed: 42 });
const [base] = fc.sample(backupData({ items: 3, text: 80, bytes: 300 }).filter((data) => data.journal.length > 1 && data.recordings.length > 0), { numRuns: 1, seed: 1 });
if (!existing || !base) throw new Error('no sample data');
const validText = writeBackupText(base);
const parsedValid = (): Record<string, unknown> => JSON.parse(validText) as Record<string, unknown>;

const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1e9, max: -1 }),
  fc.double({ min: 1e16, max: 1e300 }),
  fc.constantFrom('', 'NaN', '🙂', 'שָׁלוֹם', '\u0000'),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).map((key) => `x-${key}`), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 }),
);

const sectionWithItems = fc.constantFrom('journal', 'recordings');

/** One way to break a valid backup file; every one of them must be refused. */
const malformed = fc.oneof(
  fc.integer({ min: 1, max: validText.length - 1 }).map((cut) => ({ kind: 'truncated', text: validText.slice(0, cut) })),
  fc.record({ section: sectionWithItems, field: fc.constantFrom('id', 'createdAt', 'text', 'data', 'mimeType', 'complete'), value: junk }).map(({ section, field, value }) => {
    const file = parsedValid();
    const item = (file[section] as Record<string, unknown>[])[0] ?? {};
    const key = Object.hasOwn(item, field) ? field : 'id';
    // Text fields accept any string: give them a number instead.
    // Text fields (and empty audio) accept a string and `complete` any boolean: give those something else.
    item[key] = ['id', 'text', 'mimeType', 'data'].includes(key) && typeof value === 'string' ? 7 : key === 'complete' && typeof value === 'boolean' ? 'yes' : value;
    return { kind: 'wrong-type', text: JSON.stringify(file) };
  }),
  fc.record({ key: fc.constantFrom(...backupSections, 'exportedAt', 'format'), value: junk }).map(({ key, value }) => ({ kind: 'wrong-top', text: JSON.stringify({ ...parsedValid(), [key]: key === 'format' && value === null ? 'other' : value }) })),
  fc.integer({ min: backupFormatVersion + 1, max: 1_000_000 }).map((version) => ({ kind: 'future', text: JSON.stringify({ ...parsedValid(), version }) })),
  fc.record({ key: fc.constantFrom('__proto__', 'constructor', 'prototype'), where: fc.constantFrom('top', 'journal', 'recordings') }).map(({ key, where }) => {
    const needle = where === 'top' ? '{"format"' : where === 'journal' ? '"journal":[{' : '"recordings":[{';
    const text = validText.replace(needle, where === 'top' ? `{"${key}":{"isAdmin":true},"format"` : `${needle}"${key}":{"isAdmin":true},`);
    return { kind: 'proto', text };
  }),
  fc.integer({ min: 9, max: 200_000 }).map((depth) => ({ kind: 'deep', text: validText.replace('"settings":', `"settings":${'['.repeat(depth)}${']'.repeat(depth)},"x":`) })),
  fc.constantFrom('journal', 'checkIns', 'sessionHistory').map((section) => ({ kind: 'huge-array', text: JSON.stringify({ ...parsedValid(), [section]: new Array(backupLimits.records + 1).fill(0) }) })),
  fc.integer({ min: 200_001, max: 400_000 }).map((length) => {
    const file = parsedValid();
    const [entry] = file.journal as Record<string, unknown>[];
    if (entry) entry.text = 'ש'.repeat(length);
    return { kind: 'huge-string', text: JSON.stringify(file) };
  }),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ kind: 'garbage', text })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'other-json', text: JSON.stringify(value) })),
  fc.record({ section: sectionWithItems, key: fc.string({ minLength: 1, maxLength: 10 }).map((key) => `zz${key}`) }).map(({ section, key }) => {
    const file = parsedValid();
    const item = (file[section] as Record<string, unknown>[])[0];
    if (item) item[key] = 1;
    return { kind: 'unknown-key', text: JSON.stringify(file) };
  }),
  fc.constantFrom(...backupSections, 'exportedAt').map((key) => {
    const file = parsedValid();
    Reflect.deleteProperty(file, key);
    return { kind: 'missing', text: JSON.stringify(file) };
  }),
  fc.constant(null).map(() => {
    const file = parsedValid();
    const journal = file.journal as Record<string, unknown>[];
    const [first, second] = journal;
    if (first && second) second.id = first.id;
    return { kind: 'duplicate', text: JSON.stringify(file) };
  }),
  fc.constantFrom('====', 'abc', 'a b c d', '🙂🙂🙂🙂', 'AAAA'.repeat(100) + '=A==').map((data) => {
    const file = parsedValid();
    const [recording] = file.recordings as Record<string, unknown>[];
    if (recording) recording.data = data;
    return { kind: 'bad-base64', text: JSON.stringify(file) };
  }),
);

describe('importing malformed files', () => {
  it('refuses 1,000+ malformed files with clear messages, never crashing or hanging, leaving existing data unchanged', async () => {
    const store = new DataStore(freshName('malformed'));
    const service = new BackupService(store);
    await store.run((db) => seedDatabase(db, existing));
    const before = await store.run((db) => readBackupData(db, 0));
    const kinds = new Map<string, number>();
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(malformed, async ({ kind, text }) => {
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const started = performance.now();
        const read = readBackupText(text);
        slowest = Math.max(slowest, performance.now() - started);
        expect(read.ok, `${kind} was accepted`).toBe(false);
        if (read.ok) return;
        expect(read.problems.length).toBeGreaterThan(0);
        for (const problem of read.problems) {
          if (problem.at) expect(problem.message.startsWith(`${problem.at}: `) && problem.message.length > problem.at.length + 10).toBe(true);
          else expect(problem.message).toMatch(/^[A-Z].{10,}\.$/su);
        }
        const outcome = await service.importFile(new File([text], 'backup.json'));
        expect(outcome.ok).toBe(false);
      }),
      { numRuns: 1100 },
    );
    expect(await store.run((db) => readBackupData(db, 0))).toEqual(before);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(slowest).toBeLessThan(2000);
    expect(kinds.size).toBeGreaterThanOrEqual(12);
    console.info(`malformed imports: ${String([...kinds.values()].reduce((a, b) => a + b, 0))} files, slowest ${slowest.toFixed(0)} ms,`, Object.fromEntries(kinds));
  }, 60_000);

  it('refuses a file over the size limit from its size alone, before reading it', async () => {
    const service = new BackupService(new DataStore(freshName('too-big')));
    let read = false;
    const huge = { size: backupLimits.fileBytes + 1, text: () => ((read = true), Promise.resolve('')) } as unknown as Blob;
    expect(await service.importFile(huge)).toEqual({ ok: false, problems: ['The file is 200 MB; a Lull backup can be at most 200 MB.'] });
    expect(read).toBe(false);
  });
});
