import { defaultNarrator, type NarratorId } from '../engine/narrators';
import type { Rests } from './render/calm-pace';
import type { FestivalPhrasing } from './render/festival';

/** Every narrator's lines are kept and shipped at this rate: wideband speech, still small files. */
export const narrationSampleRate = 24_000;

/** How a narrator is made: Festival's HTS voice, or one of Flite's built-in voices. */
export type NarratorVoice =
  | { readonly engine: 'festival'; readonly voiceFunction: string; readonly phrasing: FestivalPhrasing }
  | { readonly engine: 'flite'; readonly voice: 'rms' | 'slt' | 'awb' | 'kal16' };

/** Chosen by measurement (see "The voice" in the README). */
export const narratorVoices: Readonly<Record<NarratorId, NarratorVoice>> = {
  slt: { engine: 'festival', voiceFunction: 'voice_cmu_us_slt_arctic_hts', phrasing: 'punctuation' },
  rms: { engine: 'flite', voice: 'rms' },
};

/**
 * The calm pace: words per minute from a line's first word to its last, rests included, reached
 * with the engine's own speech rate (never by stretching the sound); breathing lines go slowest.
 */
export const calmPace = {
  wordsPerMinute: 114,
  breathingWordsPerMinute: 104,
  rests: { commaSeconds: 0.55, sentenceSeconds: 1.5, phraseSeconds: 0.3 } satisfies Rests,
  /** The engine rate stays in this range whatever a line needs: slower than this starts to drawl. */
  rate: { min: 0.45, max: 1 },
} as const;

const breathingWords = /\b(breathe|breath|breathing|inhale|exhale|in-breath|out-breath)\b/iu;

/** The pace a line is spoken at: breathing instructions slowest of all. */
export function wordsPerMinuteOf(text: string): number {
  return breathingWords.test(text) ? calmPace.breathingWordsPerMinute : calmPace.wordsPerMinute;
}

/** Names a narrator and everything that shapes it: a change here re-renders its lines. */
export function narratorVoiceId(narrator: NarratorId): string {
  return `${narrator};${JSON.stringify(narratorVoices[narrator])};${JSON.stringify(calmPace)};shape-2;rests-3;heard-1;${String(narrationSampleRate)}`;
}

/** The default narrator's voice: every line's key is made with it, for every narrator. */
export const voiceId = narratorVoiceId(defaultNarrator);
