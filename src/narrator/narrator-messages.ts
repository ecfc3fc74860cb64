import type { Respelling } from '../engine/pack-manifest';
import type { SpeechErrorCode } from '../speech/speech-error';

/** What the page asks of the narrator's worker: take the engine once, then read lines one at a time, in order. */
export type NarratorRequest =
  | { readonly kind: 'load'; readonly wasm: ArrayBuffer }
  | { readonly kind: 'speak'; readonly id: number; readonly text: string; readonly respellings: readonly Respelling[] };

/** The worker's answer to one line: its WAV (24 kHz, mono, 16-bit) and length, or why it could not. */
export type NarratorReply =
  | { readonly kind: 'spoken'; readonly id: number; readonly wav: ArrayBuffer; readonly seconds: number }
  | { readonly kind: 'failed'; readonly id: number; readonly code: SpeechErrorCode };
