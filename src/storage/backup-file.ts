import { recordingSlots } from '../engine/script-model';
import { base64ToBytes, bytesToBase64 } from './base64';
import { backupFormatName, backupFormatVersion, backupLimits, type BackupData, type BackupRecording } from './backup-format';
import { backupProblem, type BackupProblem } from './backup-problem';
import { maxJournalText } from './journal';
import { maxLetterText, maxLetterTitle } from './letters';
import { formatLimitBytes } from './limits-text';
import { boolean, invalid, list, nullable, numberIn, oneOf, Problems, record, scalar, text, type Rule } from './read-rules';
import type { SettingValue } from './schema';

const id = text(64, { regex: /^[A-Za-z0-9_-]+$/u, expected: 'an id: 1 to 64 letters, digits, "-" or "_"' });
const time = numberIn(0, 8_640_000_000_000_000, true);
const minutes = numberIn(0, 600);
const phaseSeconds = numberIn(0, 60);
const mood = nullable(numberIn(1, 5, true));
const note = text(2000);
const settingKey = text(64, { regex: /^[A-Za-z][\w.-]*$/u, expected: 'a setting name: a letter, then letters, digits, ".", "-" or "_" (64 at most)' });
const settingValue = scalar(
  'text of at most 10000 characters, a number, true, false or null',
  (value): value is SettingValue =>
    value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 10_000),
);
const mimeType = text(100, { regex: /^audio\/[\w.+-]+(?:;[\w .,"=+-]*)?$/u, expected: 'an audio type such as "audio/webm;codecs=opus", of at most 100 characters' });
const maxBase64 = Math.ceil(backupLimits.recordingBytes / 3) * 4;
const audioData: Rule<Uint8Array> = {
  expected: `base64-encoded audio of at most ${formatLimitBytes(backupLimits.recordingBytes)}`,
  read(value, at, problems) {
    const bytes = typeof value === 'string' && value.length <= maxBase64 ? base64ToBytes(value) : undefined;
    return bytes ?? problems.add('wrong-type', at, this.expected);
  },
};

const { records, smallLists } = backupLimits;

/** The whole file: every section, each with exactly its fields. */
const backupRule = record('a Lull backup', {
  format: oneOf([backupFormatName]),
  version: numberIn(1, backupFormatVersion, true),
  exportedAt: time,
  settings: list(record('a setting', { key: settingKey, value: settingValue }), smallLists, 'key'),
  journal: list(record('a journal entry', { id, createdAt: time, updatedAt: time, text: text(maxJournalText), prompt: nullable(text(2000)) }), records, 'id'),
  letters: list(record('a letter', { id, createdAt: time, updatedAt: time, title: text(maxLetterTitle), text: text(maxLetterText) }), records, 'id'),
  recordings: list(
    record('a recording', {
      id,
      slot: oneOf(recordingSlots),
      mimeType,
      createdAt: time,
      durationMs: numberIn(0, 86_400_000),
      complete: boolean,
      data: audioData,
    }),
    smallLists,
    'id',
  ),
  checkIns: list(record('a check-in', { id, at: time, moodBefore: mood, moodAfter: mood, feeling: note, need: note }), records, 'id'),
  sessionHistory: list(
    record('a session run', { id, sessionId: id, startedAt: time, endedAt: nullable(time), lengthMinutes: minutes, completed: boolean }),
    records,
    'id',
  ),
  resumePositions: list(
    record('a resume position', { sessionId: id, positionSeconds: numberIn(0, 36_000), lengthMinutes: minutes, updatedAt: time }),
    smallLists,
    'sessionId',
  ),
  breathPatterns: list(
    record('a breathing pattern', { id, name: text(200), inhale: phaseSeconds, hold: phaseSeconds, exhale: phaseSeconds, rest: phaseSeconds, createdAt: time }),
    smallLists,
    'id',
  ),
  supportContacts: list(record('a support contact', { id, name: text(200), phone: text(100), note, createdAt: time }), smallLists, 'id'),
});

export type BackupReadResult = { readonly ok: true; readonly data: BackupData } | { readonly ok: false; readonly problems: readonly BackupProblem[] };

/** Where (1-based) JSON text first nests deeper than `limit`, without building anything: linear and stack-free. */
function tooDeepAt(source: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < source.length; index += 1) {
    const code = source.charCodeAt(index);
    if (inString) {
      if (code === 92) index += 1;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      depth += 1;
      if (depth > limit) return index + 1;
    } else if (code === 93 || code === 125) depth -= 1;
  }
  return undefined;
}

const failed = (...problems: BackupProblem[]): BackupReadResult => ({ ok: false, problems });

/**
 * Reads a backup file's text into data, or into every problem found (up to a limit), each
 * saying what is wrong and where. Nothing here touches the database.
 */
export function readBackupText(source: string): BackupReadResult {
  if (source.length > backupLimits.fileBytes) return failed(backupProblem('too-large', '', source.length, backupLimits.fileBytes));
  if (source.trim() === '') return failed(backupProblem('empty', ''));
  const deep = tooDeepAt(source, backupLimits.depth);
  if (deep !== undefined) return failed(backupProblem('too-deep', '', backupLimits.depth, deep));
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    // The parser's own words (a character position, a token) mean nothing to the person.
    return failed(backupProblem('not-json', ''));
  }
  return readBackupValue(parsed);
}

/** Checks a parsed file: first that it is a Lull backup this build can read, then every field. */
export function readBackupValue(parsed: unknown): BackupReadResult {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.hasOwn(parsed, 'format')) return failed(backupProblem('not-backup', ''));
  const { format, version } = parsed as { format?: unknown; version?: unknown };
  if (format !== backupFormatName) return failed(backupProblem('not-backup', ''));
  if (typeof version === 'number' && Number.isInteger(version) && version > backupFormatVersion) {
    return failed(backupProblem('newer-format', '', version, backupFormatVersion));
  }
  const problems = new Problems(backupLimits.problems);
  const read = backupRule.read(parsed, '', problems);
  if (read === invalid) {
    if (problems.full) problems.list.push(backupProblem('too-many-problems', '', backupLimits.problems));
    return { ok: false, problems: problems.list };
  }
  const data: BackupData = {
    exportedAt: read.exportedAt,
    settings: read.settings,
    journal: read.journal,
    letters: read.letters,
    recordings: read.recordings.map(({ data: bytes, ...recording }): BackupRecording => ({ ...recording, bytes })),
    checkIns: read.checkIns,
    sessionHistory: read.sessionHistory,
    resumePositions: read.resumePositions,
    breathPatterns: read.breathPatterns,
    supportContacts: read.supportContacts,
  };
  return { ok: true, data };
}

/** The backup file's text: versioned JSON, recordings as base64. */
export function writeBackupText(data: BackupData): string {
  return JSON.stringify({
    format: backupFormatName,
    version: backupFormatVersion,
    exportedAt: data.exportedAt,
    settings: data.settings,
    journal: data.journal,
    letters: data.letters,
    recordings: data.recordings.map(({ bytes, ...recording }) => ({ ...recording, data: bytesToBase64(bytes) })),
    checkIns: data.checkIns,
    sessionHistory: data.sessionHistory,
    resumePositions: data.resumePositions,
    breathPatterns: data.breathPatterns,
    supportContacts: data.supportContacts,
  });
}
