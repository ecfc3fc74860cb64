import { base64ToBytes, bytesToBase64 } from './base64';
import { backupFormatName, backupFormatVersion, backupLimits, type BackupData, type BackupRecording } from './backup-format';
import { backupProblem, type BackupProblem } from './backup-problem';
import { breathPatternLimits, breathPatternRule } from './breath-pattern-rules';
import { checkInRule } from './check-in-rules';
import { contactRule } from './contact-rules';
import { maxJournalText } from './journal';
import { madeSessionRule } from './made-session-rules';
import { maxLetterText, maxLetterTitle } from './letters';
import { formatLimitBytes } from './limits-text';
import { id, invalid, list, nullable, numberIn, oneOf, optional, Problems, record, text, type Rule } from './read-rules';
import { recordingFields } from './recording-rules';
import type { EpochMilliseconds } from './schema';
import { resumePositionRule, sessionRunRule, withDefaults } from './session-memory-rules';
import { settingRule } from './setting-rules';
import { timeRule } from './time-rules';

const maxBase64 = Math.ceil(backupLimits.recordingBytes / 3) * 4;
const audioData: Rule<Uint8Array> = {
  expected: `base64-encoded audio of at most ${formatLimitBytes(backupLimits.recordingBytes)}`,
  read(value, at, problems) {
    const bytes = typeof value === 'string' && value.length <= maxBase64 ? base64ToBytes(value) : undefined;
    return bytes ?? problems.add('wrong-type', at, this.expected);
  },
};
/** Fields a journal entry or letter may carry since format 2; older files lack them. */
const writingExtras = { revision: optional(numberIn(0, Number.MAX_SAFE_INTEGER, true)), earlierVersionOf: optional(id) };

const { records, smallLists } = backupLimits;

/**
 * The whole file: every section, each with exactly its fields, by the same rules the app's forms
 * and stored values follow. Moments are checked against `now`, this device's clock.
 */
function backupRule(now: EpochMilliseconds) {
  const time = timeRule(now);
  return record('a Lull backup', {
    format: oneOf([backupFormatName]),
    version: numberIn(1, backupFormatVersion, true),
    exportedAt: time,
    settings: list(settingRule(now), smallLists, 'key'),
    journal: list(record('a journal entry', { id, createdAt: time, updatedAt: time, text: text(maxJournalText), prompt: nullable(text(2000)), ...writingExtras }), records, 'id'),
    letters: list(record('a letter', { id, createdAt: time, updatedAt: time, title: text(maxLetterTitle), text: text(maxLetterText), ...writingExtras }), records, 'id'),
    recordings: list(record('a recording', { ...recordingFields(now), data: audioData }), smallLists, 'id'),
    checkIns: list(checkInRule(now), records, 'id'),
    sessionHistory: list(sessionRunRule(now), records, 'id'),
    resumePositions: list(resumePositionRule(now), smallLists, 'sessionId'),
    breathPatterns: list(breathPatternRule(now), breathPatternLimits.count, 'id'),
    supportContacts: list(contactRule(now), smallLists, 'id'),
    madeSessions: list(madeSessionRule(now), smallLists, 'id'),
  });
}

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
export function readBackupText(source: string, now: EpochMilliseconds = Date.now()): BackupReadResult {
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
  return readBackupValue(parsed, now);
}

/**
 * A file of an older format in the shape of this one. Format 3 gave session runs their moods
 * (older runs: not answered) and places to resume their choices (older ones: the defaults).
 */
function upgradeFile(parsed: object, version: unknown): unknown {
  if (typeof version !== 'number' || version >= 5) return parsed;
  // Format 5 added the sessions a person made; an older file has none.
  const withMade = { madeSessions: [], ...parsed };
  if (version >= 3) return withMade;
  const file = parsed as { sessionHistory?: unknown; resumePositions?: unknown };
  const each = (items: unknown, defaults: Readonly<Record<string, unknown>>) => (Array.isArray(items) ? items.map((item) => withDefaults(item, defaults)) : items);
  return { ...withMade, sessionHistory: each(file.sessionHistory, { moodBefore: null, moodAfter: null }), resumePositions: each(file.resumePositions, { choices: {} }) };
}

/** Checks a parsed file: first that it is a Lull backup this build can read, then every field. */
export function readBackupValue(parsed: unknown, now: EpochMilliseconds = Date.now()): BackupReadResult {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.hasOwn(parsed, 'format')) return failed(backupProblem('not-backup', ''));
  const { format, version } = parsed as { format?: unknown; version?: unknown };
  if (format !== backupFormatName) return failed(backupProblem('not-backup', ''));
  if (typeof version === 'number' && Number.isInteger(version) && version > backupFormatVersion) {
    return failed(backupProblem('newer-format', '', version, backupFormatVersion));
  }
  const problems = new Problems(backupLimits.problems);
  const read = backupRule(now).read(upgradeFile(parsed, version), '', problems);
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
    madeSessions: read.madeSessions,
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
    madeSessions: data.madeSessions,
  });
}
