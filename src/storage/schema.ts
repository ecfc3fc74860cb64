import type { DBSchema, IDBPDatabase } from 'idb';
import type { RecordingSlot } from '../engine/script-model';
import type { SessionDraft } from '../engine/session-draft';
import type { TakeShape } from '../engine/take-shape';
import type { Minutes, Seconds } from '../engine/units';

/** Milliseconds since 1970 (UTC), the way every record stores a moment. */
export type EpochMilliseconds = number;

/** The database's name on every device. */
export const databaseName = 'lull';

/**
 * The newest schema this build knows. History (each step is a migration in `migrations.ts`):
 * 1. settings, journal, letters, recordings (whole bytes), check-ins, session history, breathing patterns.
 * 2. journal entries gain `updatedAt` and `prompt`, with a `by-updated` index; support contacts and resume positions.
 * 3. recordings are kept in chunks (`recordingChunks`), so a recording is saved while it is made.
 * 4. sessions the person makes in the app (`madeSessions`).
 */
export const schemaVersion = 4;

/** A setting's value: one plain scalar, so backups stay simple to check. */
export type SettingValue = string | number | boolean | null;

export interface Setting {
  readonly key: string;
  readonly value: SettingValue;
}

/** What a journal entry and a letter share. */
export interface WritingRecord {
  readonly id: string;
  readonly createdAt: EpochMilliseconds;
  readonly updatedAt: EpochMilliseconds;
  readonly text: string;
  /**
   * How many times it was saved, from 1. A save based on an older revision never replaces this
   * one (see `saveWriting`). Absent on what was stored before revisions were kept, and in older
   * backups: that counts as revision 1.
   */
  readonly revision?: number;
  /** On a copy an import kept of an earlier version: the id of the record with the newer text. */
  readonly earlierVersionOf?: string;
}

export interface JournalEntry extends WritingRecord {
  /** The question the entry answers (five questions, reflection prompts), or `null` for free writing. */
  readonly prompt: string | null;
}

export interface Letter extends WritingRecord {
  readonly title: string;
}

/** A take in the person's own voice: which line of which session it speaks. */
export interface TakeLine {
  readonly sessionId: string;
  readonly key: string;
  /** The words the person read, as the prompter showed them. */
  readonly text: string;
}

/** A recording's description; its bytes live in `recordingChunks`. */
export interface Recording {
  readonly id: string;
  /** A session's slot (a letter), or `narration`: one line of a session read in the person's own voice (`line`). */
  readonly slot: RecordingSlot | 'narration';
  readonly line?: TakeLine;
  /** Where the speech lies in a take and how loud it is, found once it is recorded. */
  readonly shape?: TakeShape;
  /** As MediaRecorder reported it: `audio/webm;codecs=opus` in Chromium, `audio/mp4` in Safari. */
  readonly mimeType: string;
  readonly createdAt: EpochMilliseconds;
  /** Recorded time up to the last saved chunk, in milliseconds. */
  readonly durationMs: number;
  readonly byteLength: number;
  readonly chunkCount: number;
  /** False while recording, and for a recording cut off by a closed page (kept up to its last chunk). */
  readonly complete: boolean;
}

export interface RecordingChunk {
  readonly recordingId: string;
  readonly index: number;
  readonly bytes: ArrayBuffer;
}

export interface CheckIn {
  readonly id: string;
  readonly at: EpochMilliseconds;
  /** 1 (heavy) to 5 (light), or `null` when the person skipped the question. */
  readonly moodBefore: number | null;
  readonly moodAfter: number | null;
  readonly feeling: string;
  readonly need: string;
}

/** A session's choices (`place: forest`), by the script's choice names. */
export type SessionChoices = Readonly<Record<string, string>>;

/** A session the person played: the history lists those they finished, with the moods they gave. */
export interface SessionRun {
  readonly id: string;
  readonly sessionId: string;
  readonly startedAt: EpochMilliseconds;
  readonly endedAt: EpochMilliseconds | null;
  readonly lengthMinutes: Minutes;
  readonly completed: boolean;
  /** 1 (heavy) to 5 (light), or `null` when not answered (and on runs kept before moods were). */
  readonly moodBefore: number | null;
  readonly moodAfter: number | null;
}

/** Where a session left unfinished was, at the length and with the choices it played. */
export interface ResumePosition {
  readonly sessionId: string;
  readonly positionSeconds: Seconds;
  readonly lengthMinutes: Minutes;
  readonly choices: SessionChoices;
  readonly updatedAt: EpochMilliseconds;
}

export interface CustomBreathPattern {
  readonly id: string;
  readonly name: string;
  readonly inhale: Seconds;
  readonly hold: Seconds;
  readonly exhale: Seconds;
  readonly rest: Seconds;
  readonly createdAt: EpochMilliseconds;
}

export interface SupportContact {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly note: string;
  readonly createdAt: EpochMilliseconds;
}

/** A session the person made in the app: the maker's draft, saved as they go. */
export interface MadeSession extends SessionDraft {
  readonly createdAt: EpochMilliseconds;
  readonly updatedAt: EpochMilliseconds;
  /** How many times it was saved, from 1: a save based on an older revision never replaces a newer one. */
  readonly revision: number;
}

/** The schema at `schemaVersion`. Older shapes live only in `migrations.ts`. */
export interface LullSchema extends DBSchema {
  settings: { key: string; value: Setting };
  journal: { key: string; value: JournalEntry; indexes: { 'by-created': number; 'by-updated': number } };
  letters: { key: string; value: Letter; indexes: { 'by-created': number } };
  recordings: { key: string; value: Recording; indexes: { 'by-slot': string } };
  recordingChunks: { key: [string, number]; value: RecordingChunk };
  checkIns: { key: string; value: CheckIn; indexes: { 'by-at': number } };
  sessionHistory: { key: string; value: SessionRun; indexes: { 'by-started': number } };
  resumePositions: { key: string; value: ResumePosition };
  breathPatterns: { key: string; value: CustomBreathPattern };
  supportContacts: { key: string; value: SupportContact };
  madeSessions: { key: string; value: MadeSession };
}

export type LullDatabase = IDBPDatabase<LullSchema>;

/** Every store, in a fixed order: exports, deletes and counts walk this list. */
export const storeNames = [
  'settings',
  'journal',
  'letters',
  'recordings',
  'recordingChunks',
  'checkIns',
  'sessionHistory',
  'resumePositions',
  'breathPatterns',
  'supportContacts',
  'madeSessions',
] as const satisfies readonly (keyof LullSchema & string)[];

export type StoreName = (typeof storeNames)[number];
