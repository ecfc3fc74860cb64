import { defaultNarrator, type NarratorId } from '../engine/narrators';
import type { FliteVoice } from '../speech/flite-line';
import { calmPace } from '../speech/line-pace';
import { narrationSampleRate } from '../speech/narration-shape';
import type { FestivalPhrasing } from './render/festival';

/** How a narrator is made: Festival's HTS voice, or one of Flite's built-in voices. */
export type NarratorVoice =
  | { readonly engine: 'festival'; readonly voiceFunction: string; readonly phrasing: FestivalPhrasing }
  | { readonly engine: 'flite'; readonly voice: FliteVoice };

/** Chosen by measurement (see "The voice" in the README). */
export const narratorVoices: Readonly<Record<NarratorId, NarratorVoice>> = {
  slt: { engine: 'festival', voiceFunction: 'voice_cmu_us_slt_arctic_hts', phrasing: 'punctuation' },
  rms: { engine: 'flite', voice: 'rms' },
};

/** Names a narrator and everything that shapes it: a change here re-renders its lines. */
export function narratorVoiceId(narrator: NarratorId): string {
  return `${narrator};${JSON.stringify(narratorVoices[narrator])};${JSON.stringify(calmPace)};shape-2;rests-3;heard-1;${String(narrationSampleRate)}`;
}

/** The default narrator's voice: every line's key is made with it, for every narrator. */
export const voiceId = narratorVoiceId(defaultNarrator);
