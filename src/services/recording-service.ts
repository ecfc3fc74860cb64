import { recordingSlots, type RecordingSlot } from '../engine/script-model';
import { appendRecordingChunk, createRecording, deleteRecording, finishRecording, getRecordingInSlot, readRecordingChunks } from '../storage/recordings';
import type { Recording, TakeLine } from '../storage/schema';
import { formatLimitBytes } from '../storage/limits-text';
import { fallbackRecordingType, isRecordingType, recordingLimits } from '../storage/recording-rules';
import { busyState } from './busy-state';
import { describeFailure, type DataStore } from './data-store';

export type { Recording, RecordingSlot };

/** The slot a recorder's name means; an unknown name means the first slot (a session's letter). */
export function slotNamed(name: string): RecordingSlot {
  return recordingSlots.find((slot) => slot === name) ?? recordingSlots[0];
}

/** MediaRecorder hands over a chunk this often; each is saved at once, so a closed page loses at most this much. */
export const recordingTimeslice = 5000;

const startFailures = {
  denied: () =>
    'Lull can’t use the microphone because permission was turned down. To record, allow the microphone for this site in your browser’s settings, then tap Record again.',
  'no-microphone': () => 'No microphone was found. Connect one, then tap Record again.',
  unsupported: () => 'This browser can’t record audio here.',
  failed: (detail: string) => `The recording could not start: ${detail}`,
} as const;

export class RecordingStartError extends Error {
  constructor(readonly code: keyof typeof startFailures, message: string) {
    super(message);
    this.name = 'RecordingStartError';
  }
}

function startFailure(error: unknown): RecordingStartError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return new RecordingStartError('denied', startFailures.denied());
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return new RecordingStartError('no-microphone', startFailures['no-microphone']());
  return new RecordingStartError('failed', startFailures.failed(error instanceof Error ? error.message : 'an unknown error'));
}

/** The first type this browser records: Opus in WebM (Chromium, Firefox), else MP4 (Safari). */
function preferredType(): string | undefined {
  return ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4'].find((type) => MediaRecorder.isTypeSupported(type));
}

export interface RecordingCallbacks {
  /** A chunk could not be saved: the recording stops (what was saved stays) and the person is told. */
  onProblem(message: string): void;
}

/** A recording in progress: chunks are saved as MediaRecorder produces them. */
export class ActiveRecording {
  private nextIndex = 0;
  private saving: Promise<void> = Promise.resolve();
  private failed = false;
  /** Bytes handed over so far; a recording stops at the most one may hold. */
  private bytes = 0;
  private full = false;
  private readonly startedAt = performance.now();
  private readonly stopped: Promise<void>;
  private readonly release = busyState.hold('recording');

  constructor(
    readonly id: string,
    private readonly store: DataStore,
    private readonly recorder: MediaRecorder,
    private readonly stream: MediaStream,
    private readonly callbacks: RecordingCallbacks,
  ) {
    this.stopped = new Promise((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
    recorder.addEventListener('dataavailable', (event) => this.save(event.data));
    recorder.start(recordingTimeslice);
  }

  get elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  /** Hands over what is recorded so far now (the page is being hidden or closed). */
  saveNow(): void {
    if (this.recorder.state === 'recording') this.recorder.requestData();
  }

  /** Stops, saves the last chunk, turns the microphone off, and resolves with the saved recording. */
  async stop(): Promise<Recording | undefined> {
    const durationMs = this.elapsedMs;
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    await this.stopped;
    this.stopTracks();
    await this.saving;
    try {
      if (!this.failed) await this.store.run((db) => finishRecording(db, this.id, durationMs));
      return await this.store.run(async (db) => db.get('recordings', this.id));
    } finally {
      this.release();
    }
  }

  private save(chunk: Blob): void {
    if (chunk.size === 0 || this.failed || this.full) return;
    if (this.bytes + chunk.size > recordingLimits.bytes) {
      this.full = true;
      this.callbacks.onProblem(`The recording stopped at ${formatLimitBytes(recordingLimits.bytes)}, the most one recording keeps. Everything before this is saved.`);
      return;
    }
    this.bytes += chunk.size;
    const index = this.nextIndex;
    this.nextIndex += 1;
    const durationMs = this.elapsedMs;
    // The bytes are read before the transaction starts: nothing but IndexedDB is awaited inside one.
    this.saving = this.saving
      .then(async () => {
        const bytes = await chunk.arrayBuffer();
        await this.store.run((db) => appendRecordingChunk(db, this.id, index, bytes, durationMs));
      })
      .catch((error: unknown) => {
        this.failed = true;
        if (this.recorder.state !== 'inactive') this.recorder.stop();
        this.stopTracks();
        this.callbacks.onProblem(`The recording stopped: ${describeFailure(error).message} What was recorded before this is kept.`);
      });
  }

  private stopTracks(): void {
    for (const track of this.stream.getTracks()) track.stop();
  }
}

export class RecordingService {
  constructor(private readonly store: DataStore) {}

  /** The recording kept in a slot, if any (a cut-off one has `complete: false`). */
  find(slot: RecordingSlot): Promise<Recording | undefined> {
    return this.store.run((db) => getRecordingInSlot(db, slot));
  }

  /** A recording's audio, as saved so far. */
  async audio(recording: Recording): Promise<Blob> {
    const chunks = await this.store.run((db) => readRecordingChunks(db, recording.id));
    return new Blob(chunks, { type: recording.mimeType });
  }

  delete(id: string): Promise<void> {
    return this.store.run((db) => deleteRecording(db, id));
  }

  /** Asks for the microphone (only now, when the person tapped Record) and starts saving chunks: for a slot, or as a take of a line. */
  async start(target: RecordingSlot | TakeLine, callbacks: RecordingCallbacks): Promise<ActiveRecording> {
    if (typeof MediaRecorder === 'undefined' || !('mediaDevices' in navigator)) {
      throw new RecordingStartError('unsupported', startFailures.unsupported());
    }
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      throw startFailure(error);
    }
    try {
      const type = preferredType();
      const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const id = crypto.randomUUID();
      await this.store.run((db) =>
        createRecording(db, {
          id,
          ...(typeof target === 'string' ? { slot: target } : { slot: 'narration' as const, line: target }),
          mimeType: [recorder.mimeType, type].find(isRecordingType) ?? fallbackRecordingType,
          createdAt: Date.now(),
          durationMs: 0,
          byteLength: 0,
          chunkCount: 0,
          complete: false,
        }),
      );
      return new ActiveRecording(id, this.store, recorder, stream, callbacks);
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      throw error instanceof RecordingStartError ? error : new RecordingStartError('failed', startFailures.failed(describeFailure(error).message));
    }
  }
}
