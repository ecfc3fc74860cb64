import fc from 'fast-check';
import type { BackupData, BackupRecording } from '../../src/storage/backup-format';
import type { DraftStep } from '../../src/engine/session-draft';
import type { CheckIn, CustomBreathPattern, JournalEntry, Letter, MadeSession, ResumePosition, SessionRun, Setting, SettingValue, SupportContact } from '../../src/storage/schema';

/** Sizes for one run; the dedicated maximal case uses the real limits. */
export interface Sizes {
  readonly items: number;
  readonly text: number;
  readonly bytes: number;
}

const samples = ['', ' ', '🙂', '👩🏽‍💻 writing', 'שָׁלוֹם, ילד קטן', 'مرحبا يا صغيري', 'mixed עברית and English 🌊', 'line one\nline two\r\n\ttabbed', '"quotes" \\ back\\slash', '\u0000\u001f control'];

export const text = (max: number) =>
  fc.oneof(
    fc.constantFrom(...samples),
    fc.string({ unit: 'grapheme', maxLength: Math.min(max, 60) }),
    fc.string({ unit: 'binary', maxLength: max }),
    fc.string({ unit: 'grapheme-ascii', maxLength: max }),
  );

const id = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/u));
/** The moments a record may hold (from 2000), up to a date safely in the past of any clock running these tests. */
export const latestGeneratedTime = Date.UTC(2025, 5, 1);
export const time = fc.integer({ min: Date.UTC(2000, 0, 1), max: latestGeneratedTime });
/** Text of 1 to `max` characters that is not only spaces, as the forms require of names. */
export const name = (max: number) => text(max).filter((value) => value.trim() !== '');
/** JSON has no -0, so a -0 could not come back as -0; the app never stores one. */
export const number = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((value) => value + 0);
const mood = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });

function unique<T extends object>(item: fc.Arbitrary<T>, key: (value: T) => string, max: number): fc.Arbitrary<T[]> {
  return fc.uniqueArray(item, { selector: key, maxLength: max });
}

/** Settings Lull knows, each with a value of its kind, and any others with any plain value. */
const knownSettings = ['lastBackupAt', 'pacerChoice', 'pacerVibrate', 'checkInReminderTime'];

/** A value the setting `key` may hold. */
export function settingValue(key: string): fc.Arbitrary<SettingValue> {
  switch (key) {
    case 'lastBackupAt':
      return time;
    case 'pacerChoice':
      return text(200);
    case 'pacerVibrate':
      return fc.boolean();
    case 'checkInReminderTime':
      return fc.option(fc.stringMatching(/^(?:[01]\d|2[0-3]):[0-5]\d$/u), { nil: null });
    default:
      return fc.oneof(text(100), number(-1e9, 1e9), fc.boolean(), fc.constant(null));
  }
}

const setting: fc.Arbitrary<Setting> = fc
  .oneof(fc.constantFrom(...knownSettings), fc.stringMatching(/^[A-Za-z][\w.-]{0,63}$/u).filter((key) => !knownSettings.includes(key)))
  .chain((key) => settingValue(key).map((value) => ({ key, value })));

/** What journal entries and letters may carry since backup format 2; each is left out at random, as older files do. */
const writingExtras = { revision: fc.nat(), earlierVersionOf: id };

export function backupData(sizes: Sizes): fc.Arbitrary<BackupData> {
  const journal: fc.Arbitrary<JournalEntry> = fc.record(
    { id, createdAt: time, updatedAt: time, text: text(sizes.text), prompt: fc.option(text(200), { nil: null }), ...writingExtras },
    { requiredKeys: ['id', 'createdAt', 'updatedAt', 'text', 'prompt'] },
  );
  const letter: fc.Arbitrary<Letter> = fc.record(
    { id, createdAt: time, updatedAt: time, title: text(100), text: text(sizes.text), ...writingExtras },
    { requiredKeys: ['id', 'createdAt', 'updatedAt', 'title', 'text'] },
  );
  const recordingCommon = {
    id,
    mimeType: fc.constantFrom('audio/webm;codecs=opus', 'audio/mp4', 'audio/ogg'),
    createdAt: time,
    durationMs: number(0, 86_400_000),
    complete: fc.boolean(),
    bytes: fc.uint8Array({ maxLength: sizes.bytes }),
  };
  // A letter read aloud, or a take of one session line in the person's own voice.
  const recording: fc.Arbitrary<BackupRecording> = fc.oneof(
    fc.record({ ...recordingCommon, slot: fc.constant('letter' as const) }),
    fc.record({
      ...recordingCommon,
      slot: fc.constant('narration' as const),
      line: fc.record({ sessionId: id, key: text(100), text: text(2000) }),
      shape: fc.record({ start: number(0, 600), end: number(0, 600), levelDb: number(-120, 0) }),
    }),
  );
  const checkIn: fc.Arbitrary<CheckIn> = fc.record({ id, at: time, moodBefore: mood, moodAfter: mood, feeling: text(200), need: text(200) });
  const run: fc.Arbitrary<SessionRun> = fc.record({
    id,
    sessionId: fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u).filter((value) => value.length <= 64),
    startedAt: time,
    endedAt: fc.option(time, { nil: null }),
    lengthMinutes: number(0, 600),
    completed: fc.boolean(),
    moodBefore: mood,
    moodAfter: mood,
  });
  const choices = fc.dictionary(id.filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key)), id, { maxKeys: 3 });
  const position: fc.Arbitrary<ResumePosition> = fc.record({ sessionId: id, positionSeconds: number(0, 36_000), lengthMinutes: number(0, 600), choices, updatedAt: time });
  const pattern: fc.Arbitrary<CustomBreathPattern> = fc.record({
    id,
    name: fc.oneof(fc.constantFrom('Evening', '🌙', 'שָׁלוֹם', '  Slow  '), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })).filter((value) => value.trim() !== ''),
    inhale: number(1, 60),
    hold: number(0, 60),
    exhale: number(1, 60),
    rest: number(0, 60),
    createdAt: time,
  });
  // Names and notes of at most 50 and 100 code points stay within 100 and 200 characters.
  const contact: fc.Arbitrary<SupportContact> = fc.record({ id, name: name(50), phone: fc.stringMatching(/^[0-9+()\- ]{0,40}$/u), note: text(100), createdAt: time });
  const range = (max: number) => fc.record({ min: number(0, max), max: number(0, max) }, { requiredKeys: ['min', 'max'] });
  const stepId = fc.stringMatching(/^[a-z0-9]{8}$/u);
  const step: fc.Arbitrary<DraftStep> = fc.oneof(
    fc.record({ id: stepId, kind: fc.constant('say' as const), text: text(200) }),
    fc.record({ id: stepId, kind: fc.constant('pause' as const), seconds: range(3600) }),
    fc.record({ id: stepId, kind: fc.constant('bell' as const), count: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ id: stepId, kind: fc.constant('ambience' as const), ambience: fc.constantFrom('rain' as const, 'beach' as const, null), volume: number(0, 1), fade: number(0, 60) }),
    fc.record({ id: stepId, kind: fc.constant('prompt' as const), text: text(200), seconds: fc.oneof(fc.constant('wait' as const), range(3600)), journal: fc.boolean() }),
  );
  const made: fc.Arbitrary<MadeSession> = fc.record({
    id: fc.stringMatching(/^made-[a-z0-9]{4,24}$/u),
    title: text(40),
    description: text(150),
    practice: fc.constantFrom('self-compassion' as const, 'safe-space' as const, 'breathing' as const),
    length: fc.record({ min: number(0, 60), default: number(0, 60), max: number(0, 60) }),
    steps: unique(step, (value) => value.id, 6),
    createdAt: time,
    updatedAt: time,
    revision: fc.integer({ min: 1, max: 1000 }),
  });
  return fc.record({
    exportedAt: time,
    settings: unique(setting, (value) => value.key, sizes.items),
    journal: unique(journal, (value) => value.id, sizes.items),
    letters: unique(letter, (value) => value.id, sizes.items),
    recordings: unique(recording, (value) => value.id, Math.min(sizes.items, 3)),
    checkIns: unique(checkIn, (value) => value.id, sizes.items),
    sessionHistory: unique(run, (value) => value.id, sizes.items),
    resumePositions: unique(position, (value) => value.sessionId, sizes.items),
    breathPatterns: unique(pattern, (value) => value.id, sizes.items),
    supportContacts: unique(contact, (value) => value.id, sizes.items),
    madeSessions: unique(made, (value) => value.id, Math.min(sizes.items, 3)),
  });
}

const byKey = <T>(key: (value: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The same data in the order the database returns it (by key), for comparison. */
export function inStoreOrder(data: BackupData): BackupData {
  const byId = byKey((value: { id: string }) => value.id);
  return {
    exportedAt: data.exportedAt,
    settings: [...data.settings].sort(byKey((value) => value.key)),
    journal: [...data.journal].sort(byId),
    letters: [...data.letters].sort(byId),
    recordings: [...data.recordings].sort(byId),
    checkIns: [...data.checkIns].sort(byId),
    sessionHistory: [...data.sessionHistory].sort(byId),
    resumePositions: [...data.resumePositions].sort(byKey((value) => value.sessionId)),
    breathPatterns: [...data.breathPatterns].sort(byId),
    supportContacts: [...data.supportContacts].sort(byId),
    madeSessions: [...data.madeSessions].sort(byId),
  };
}
