import type { Pcm } from './pcm';
import { resample } from './resample';
import { shapeVoice } from './voice-shaping';

/** Every narrator's lines are kept and shipped at this rate: wideband speech, still small files. */
export const narrationSampleRate = 24_000;

/** A line as it is heard: an engine's speech or a recorded take, brought to the narration's rate, then shaped. */
export function shapeNarration(raw: Pcm): Pcm {
  return shapeVoice(resample(raw, narrationSampleRate));
}
