import { boolean, id, numberIn, oneOf, optional, record, text } from './read-rules';
import { recordingSlots } from '../engine/script-model';
import type { EpochMilliseconds, Recording } from './schema';
import { timeRule } from './time-rules';

/** What a recording may be: the recorder, imports and stored values all follow these. */
export const recordingLimits = {
  /** The most audio one recording keeps; the recorder stops there. */
  bytes: 64 * 1024 * 1024,
  /** A day of sound, in milliseconds. */
  durationMs: 86_400_000,
  mimeType: 100,
  lineKey: 100,
  lineText: 2000,
} as const;

/** The type a recording falls back to when the browser names none Lull can keep. */
export const fallbackRecordingType = 'audio/webm';

const mimeTypePattern = /^audio\/[\w.+-]+(?:;[\w .,"=+-]*)?$/u;

/** An audio type such as `audio/webm;codecs=opus`: never anything a browser would open as a page. */
export function isRecordingType(type: unknown): type is string {
  return typeof type === 'string' && type.length <= recordingLimits.mimeType && mimeTypePattern.test(type);
}

const mimeTypeRule = text(recordingLimits.mimeType, {
  regex: mimeTypePattern,
  expected: `an audio type such as "audio/webm;codecs=opus", of at most ${String(recordingLimits.mimeType)} characters`,
});

/** A recording's description in a backup; its bytes are checked with the file's own base64 rule. */
export function recordingFields(now: EpochMilliseconds) {
  return {
    id,
    slot: oneOf([...recordingSlots, 'narration'] as const),
    line: optional(record('the line a take speaks', { sessionId: id, key: text(recordingLimits.lineKey), text: text(recordingLimits.lineText) })),
    shape: optional(
      record('where the speech of a take lies', {
        start: numberIn(0, recordingLimits.durationMs / 1000),
        end: numberIn(0, recordingLimits.durationMs / 1000),
        levelDb: numberIn(-200, 20),
      }),
    ),
    mimeType: mimeTypeRule,
    createdAt: timeRule(now),
    durationMs: numberIn(0, recordingLimits.durationMs),
    complete: boolean,
  } as const;
}

/**
 * Whether a stored recording may be handed to the browser: its type is audio and it holds no
 * more than a recording may. Any other (from an older import, say) is left out.
 */
export function isKeepableRecording(recording: Recording): boolean {
  const { byteLength } = recording;
  return isRecordingType(recording.mimeType) && Number.isInteger(byteLength) && byteLength >= 0 && byteLength <= recordingLimits.bytes;
}
