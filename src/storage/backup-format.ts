import type { RecordingSlot } from '../engine/script-model';
import { recordingLimits } from './recording-rules';
import type { TakeShape } from '../engine/take-shape';
import type { CheckIn, CustomBreathPattern, TakeLine, EpochMilliseconds, JournalEntry, Letter, MadeSession, ResumePosition, SessionRun, Setting, SupportContact } from './schema';

/** The `format` field of every backup file. */
export const backupFormatName = 'lull-backup';

/**
 * Bumped when the file's shape changes; a build reads its own version and older ones.
 * 2: journal entries and letters may carry `revision` and `earlierVersionOf`.
 * 3: session runs carry `moodBefore` and `moodAfter`; places to resume carry `choices`.
 * 4: recordings may be takes of a session's lines in the person's own voice (slot `narration`, with `line` and `shape`).
 * 5: sessions the person made in the app (`madeSessions`).
 */
export const backupFormatVersion = 5;

/** How much an import accepts, checked before anything is written. */
export const backupLimits = {
  fileBytes: 200 * 1024 * 1024,
  depth: 8,
  problems: 50,
  recordingBytes: recordingLimits.bytes,
  records: 100_000,
  smallLists: 1_000,
} as const;

/** A recording in a backup: its description and all its bytes, in order. */
export interface BackupRecording {
  readonly id: string;
  readonly slot: RecordingSlot | 'narration';
  readonly line?: TakeLine;
  readonly shape?: TakeShape;
  readonly mimeType: string;
  readonly createdAt: EpochMilliseconds;
  readonly durationMs: number;
  readonly complete: boolean;
  readonly bytes: Uint8Array;
}

/** Everything the person has, as one value: what an export writes and an import reads. */
export interface BackupData {
  readonly exportedAt: EpochMilliseconds;
  readonly settings: readonly Setting[];
  readonly journal: readonly JournalEntry[];
  readonly letters: readonly Letter[];
  readonly recordings: readonly BackupRecording[];
  readonly checkIns: readonly CheckIn[];
  readonly sessionHistory: readonly SessionRun[];
  readonly resumePositions: readonly ResumePosition[];
  readonly breathPatterns: readonly CustomBreathPattern[];
  readonly supportContacts: readonly SupportContact[];
  readonly madeSessions: readonly MadeSession[];
}

/** The lists of a backup, in the order the file holds them. */
export const backupSections = [
  'settings',
  'journal',
  'letters',
  'recordings',
  'checkIns',
  'sessionHistory',
  'resumePositions',
  'breathPatterns',
  'supportContacts',
  'madeSessions',
] as const satisfies readonly (keyof BackupData)[];

export type BackupSection = (typeof backupSections)[number];
