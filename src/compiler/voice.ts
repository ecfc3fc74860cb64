import { calmVoice } from './render/voice-settings';

/** Narration is rendered at Flite's own rate; speech needs nothing more, and small files follow. */
export const narrationSampleRate = 16_000;

export const voiceSettings = calmVoice;

/** Silence between the sentences of one line. */
export const sentenceRestSeconds = 0.6;

/** Names the voice and everything that shapes it: a change here re-renders every line. */
export const voiceId = `flite-slt;${JSON.stringify(voiceSettings)};shape-1;rest-${sentenceRestSeconds};${narrationSampleRate}`;
