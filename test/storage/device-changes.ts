import fc from 'fast-check';
import type { BackupData } from '../../src/storage/backup-format';
import type { CustomBreathPattern, JournalEntry, Letter, ResumePosition, SessionRun, Setting } from '../../src/storage/schema';
import { backupData, name, number, settingValue, text, type Sizes } from './backup-arbitraries';

/** How much later than the backup a change is made: up to about four months. */
const later = fc.integer({ min: 1, max: 10_000_000_000 });

/** Each record kept as it was, deleted, or changed the way the app changes such a record. */
function evolve<T>(items: readonly T[], change: ((item: T) => fc.Arbitrary<T>) | undefined): fc.Arbitrary<T[]> {
  const fates = items.map((item) => fc.oneof(fc.constant([item]), fc.constant([]), ...(change ? [change(item).map((changed) => [changed])] : [])));
  return fc.tuple(...fates).map((kept) => kept.flat());
}

const nextRevision = (revision: number | undefined) => (revision === undefined ? {} : { revision: revision + 1 });

/** Written again in the editor: new text, a later change time, one more save. */
const editEntry = (entry: JournalEntry): fc.Arbitrary<JournalEntry> =>
  fc.record({ text: text(60), delay: later }).map(({ text: written, delay }) => ({ ...entry, text: written, updatedAt: entry.updatedAt + delay, ...nextRevision(entry.revision) }));

const editLetter = (letter: Letter): fc.Arbitrary<Letter> =>
  fc.record({ title: text(40), text: text(60), delay: later }).map(({ title, text: written, delay }) => ({
    ...letter,
    title,
    text: written,
    updatedAt: letter.updatedAt + delay,
    ...nextRevision(letter.revision),
  }));

/** Played further: a new place and a later change time. */
const movePosition = (position: ResumePosition): fc.Arbitrary<ResumePosition> =>
  fc.record({ seconds: number(0, 36_000), delay: later }).map(({ seconds, delay }) => ({ ...position, positionSeconds: seconds, updatedAt: position.updatedAt + delay }));

/** A run that was still going when the backup was made has ended since. */
const endRun = (run: SessionRun): fc.Arbitrary<SessionRun> =>
  fc.record({ delay: later, completed: fc.boolean() }).map(({ delay, completed }) => ({ ...run, endedAt: (run.endedAt ?? run.startedAt) + delay, completed }));

/** Renamed or retimed in the pattern editor, which keeps the pattern's id and creation time. */
const editPattern = (pattern: CustomBreathPattern): fc.Arbitrary<CustomBreathPattern> =>
  fc.record({ name: name(20), inhale: number(1, 60), exhale: number(1, 60) }).map((changed) => ({ ...pattern, ...changed }));

const changeSetting = (setting: Setting): fc.Arbitrary<Setting> => settingValue(setting.key).map((value) => ({ key: setting.key, value }));

/** `fresh`'s records whose keys `base` does not use: what was added on the device since the backup. */
function addedSince<T>(base: readonly T[], fresh: readonly T[], key: (item: T) => string): T[] {
  const used = new Set(base.map(key));
  return fresh.filter((item) => !used.has(key(item)));
}

const byId = (item: { readonly id: string }) => item.id;

/**
 * This device some time after `base` was exported from it: records kept, deleted or changed as
 * the app changes them (entries and letters rewritten later, places to resume moved, runs ended,
 * patterns edited, settings changed), and new ones added.
 */
export function deviceAfter(base: BackupData, sizes: Sizes): fc.Arbitrary<BackupData> {
  return fc
    .record({
      fresh: backupData(sizes),
      settings: evolve(base.settings, changeSetting),
      journal: evolve(base.journal, editEntry),
      letters: evolve(base.letters, editLetter),
      recordings: evolve(base.recordings, undefined),
      checkIns: evolve(base.checkIns, undefined),
      sessionHistory: evolve(base.sessionHistory, endRun),
      resumePositions: evolve(base.resumePositions, movePosition),
      breathPatterns: evolve(base.breathPatterns, editPattern),
      supportContacts: evolve(base.supportContacts, undefined),
      madeSessions: evolve(base.madeSessions, undefined),
    })
    .map(({ fresh, ...kept }) => ({
      exportedAt: base.exportedAt,
      settings: [...kept.settings, ...addedSince(base.settings, fresh.settings, (setting) => setting.key)],
      journal: [...kept.journal, ...addedSince(base.journal, fresh.journal, byId)],
      letters: [...kept.letters, ...addedSince(base.letters, fresh.letters, byId)],
      recordings: [...kept.recordings, ...addedSince(base.recordings, fresh.recordings, byId)],
      checkIns: [...kept.checkIns, ...addedSince(base.checkIns, fresh.checkIns, byId)],
      sessionHistory: [...kept.sessionHistory, ...addedSince(base.sessionHistory, fresh.sessionHistory, byId)],
      resumePositions: [...kept.resumePositions, ...addedSince(base.resumePositions, fresh.resumePositions, (position) => position.sessionId)],
      breathPatterns: [...kept.breathPatterns, ...addedSince(base.breathPatterns, fresh.breathPatterns, byId)],
      supportContacts: [...kept.supportContacts, ...addedSince(base.supportContacts, fresh.supportContacts, byId)],
      madeSessions: [...kept.madeSessions, ...addedSince(base.madeSessions, fresh.madeSessions, byId)],
    }));
}
