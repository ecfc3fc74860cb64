import { sharedAudioContext } from '../audio/audio-context';
import { decoderAt } from '../audio/load-audio';
import { templateTakeLines } from '../engine/plan-template';
import { takeShape, type TakeShape } from '../engine/take-shape';
import { deleteRecording, getTakes, getTakesOfLine, putWholeRecording, readRecordingChunks, setTakeShape } from '../storage/recordings';
import type { Recording, TakeLine } from '../storage/schema';
import type { DataStore } from './data-store';
import type { SessionPack } from './session-pack';

export type { TakeLine };

/** The lines of a session a person can read in their own voice, in order, each once. */
export function linesToRead(pack: SessionPack): { readonly key: string; readonly text: string }[] {
  return templateTakeLines(pack.template);
}

/** Takes are decoded at the narration's own rate: a person's voice needs no more, and costs half the memory of 48 kHz. */
export const takeSampleRate = 24_000;
/** The longest one take may be: a line is a few sentences. */
export const takeLimitSeconds = 90;

/** Decodes a recording's bytes to one channel at the take rate. */
export async function decodeTake(bytes: ArrayBuffer, fallback: BaseAudioContext): Promise<AudioBuffer> {
  return decoderAt(takeSampleRate, fallback).decodeAudioData(bytes);
}

/** The samples of a buffer as one channel (a stereo microphone is averaged). */
function monoOf(buffer: AudioBuffer): Float32Array {
  if (buffer.numberOfChannels === 1) return buffer.getChannelData(0);
  const mono = new Float32Array(buffer.length);
  for (let channel = 0; channel < buffer.numberOfChannels; channel += 1) {
    const samples = buffer.getChannelData(channel);
    for (let index = 0; index < mono.length; index += 1) mono[index] = (mono[index] ?? 0) + (samples[index] ?? 0) / buffer.numberOfChannels;
  }
  return mono;
}

/** Where the speech lies in a decoded take, and how loud it is. */
export function shapeOfBuffer(buffer: AudioBuffer): TakeShape | undefined {
  return takeShape(monoOf(buffer), buffer.sampleRate);
}

/**
 * The type of a line read by the voice on the device. A microphone never records WAV (browsers
 * record Opus or AAC), so a take of this type is the device's reading, not the person's voice.
 */
export const deviceReadingType = 'audio/wav';

/** Whether a take was read by the voice on the device rather than recorded. */
export function isDeviceReading(take: Recording): boolean {
  return take.mimeType === deviceReadingType;
}

/** A take the session can play: finished, with its speech found. */
function isPlayableTake(take: Recording): boolean {
  return take.complete && take.shape !== undefined;
}

/** A take still being recorded: unfinished, and started no longer ago than the longest take (with a margin). */
function isBeingRecorded(take: Recording): boolean {
  return !take.complete && Date.now() - take.createdAt < (takeLimitSeconds + 30) * 1000;
}

export class TakeNotHeardError extends Error {
  constructor() {
    super('Nothing could be heard in that take. Check that the microphone is on and not muted, then record the line again.');
    this.name = 'TakeNotHeardError';
  }
}

/** The person's own takes of a session's lines, kept on the device like their other recordings. */
export class NarrationTakes {
  constructor(private readonly store: DataStore) {}

  /** For each line with a take, the newest playable one. */
  of(sessionId: string): Promise<Recording[]> {
    return this.store.run((db) => getTakes(db, sessionId));
  }

  async bytes(take: Recording): Promise<ArrayBuffer> {
    const chunks = await this.store.run((db) => readRecordingChunks(db, take.id));
    return new Blob(chunks).arrayBuffer();
  }

  /**
   * Finds the speech in a finished take and keeps it as the line's take, letting earlier ones of
   * the line go. A take with nothing in it is let go and the person is told.
   */
  async finish(take: Recording): Promise<TakeShape> {
    const shape = shapeOfBuffer(await decodeTake(await this.bytes(take), sharedAudioContext().context));
    if (!shape) {
      await this.store.run((db) => deleteRecording(db, take.id));
      throw new TakeNotHeardError();
    }
    await this.store.run((db) => setTakeShape(db, take.id, shape));
    const line = take.line;
    if (line) {
      const earlier = (await this.store.run((db) => getTakesOfLine(db, line.sessionId, line.key))).filter((other) => other.id !== take.id);
      for (const other of earlier) await this.store.run((db) => deleteRecording(db, other.id));
    }
    return shape;
  }

  /**
   * Keeps a line the voice on the device read (a whole WAV file) as that line's take: the session
   * then plays it like a recorded take, offline and in the backup. Nothing is kept (undefined) when
   * the line has a take already or one is being recorded; a cut-off recording is let go.
   */
  async keepReading(line: TakeLine, wav: ArrayBuffer): Promise<Recording | undefined> {
    const buffer = await decodeTake(wav.slice(0), sharedAudioContext().context);
    const shape = shapeOfBuffer(buffer);
    if (!shape) throw new TakeNotHeardError();
    const take: Recording = {
      id: crypto.randomUUID(),
      slot: 'narration',
      line,
      shape,
      mimeType: deviceReadingType,
      createdAt: Date.now(),
      durationMs: Math.round(buffer.duration * 1000),
      byteLength: wav.byteLength,
      chunkCount: 1,
      complete: true,
    };
    const earlier = await this.store.run((db) => getTakesOfLine(db, line.sessionId, line.key));
    // A line voiced meanwhile (recorded here, or in another window) keeps its voice: a reading never replaces a take.
    if (earlier.some((other) => isPlayableTake(other) || isBeingRecorded(other))) return undefined;
    await this.store.run((db) => putWholeRecording(db, take, wav));
    for (const other of earlier) await this.store.run((db) => deleteRecording(db, other.id));
    return take;
  }

  /** Lets every take of a line go: the narrator reads it again. */
  async forget(sessionId: string, key: string): Promise<void> {
    const takes = await this.store.run((db) => getTakesOfLine(db, sessionId, key));
    for (const take of takes) await this.store.run((db) => deleteRecording(db, take.id));
  }
}
