import type { AmbienceLoop } from '../engine/pack-manifest';
import type { AmbienceKind } from '../engine/script-model';
import { joinWithSilence, pcmSeconds, type Pcm } from '../speech/pcm';
import { integratedLoudness } from './render/loudness-lufs';
import { packSprite } from './sprite';
import { synthAmbienceLoop } from './synth/ambience';
import { synthAmbienceEvents } from './synth/ambience-events';
import { previewAmbience } from './synth/ambience-preview';
import { decibelsToGain, rmsOf, scaleInPlace } from '../speech/levels';

/** Long enough that the bed's slow swells never line up the same way twice in a few minutes. */
export const ambienceBedSeconds = 60;
const previewSeconds = 180;
const eventGapSeconds = 0.4;

/**
 * The narration's integrated loudness as ffmpeg's `ebur128` measures the shipped files (mono):
 * −20.5 LUFS. Played on both speakers it is 3 LU louder still, so a margin set against this holds
 * at the output too.
 */
export const voiceLoudness = -20.5;
/** How far under the voice an ambience sits at the scripts' default volume (0.5): past the 12 LU a calm mix needs. */
export const ambienceUnderVoice = 14;
const defaultVolume = 0.5;
/** The loudness every ambience is brought to at volume 1, bed and events together. */
export const ambienceLoudnessAtFullVolume = voiceLoudness - ambienceUnderVoice - 20 * Math.log10(defaultVolume);

export interface AmbienceAudio {
  /** The bed from the file's start, then each event after it with silence between. */
  readonly pcm: Pcm;
  readonly manifest: Omit<AmbienceLoop, 'audio'>;
  /** The gain (dB) the measurement gave this kind, to bring it to its loudness. */
  readonly gainDb: number;
}

/**
 * One ambience's file: its seamless bed and its separate sounds, both brought to one loudness
 * measured on a few minutes of the bed with its events as a session scatters them.
 */
export function ambienceAudio(kind: AmbienceKind, sampleRate: number): AmbienceAudio {
  const bed = synthAmbienceLoop(kind, sampleRate, ambienceBedSeconds);
  const events = synthAmbienceEvents(kind, sampleRate, rmsOf(bed.channels));
  const measured = integratedLoudness(previewAmbience(kind, bed, events, previewSeconds));
  const gainDb = ambienceLoudnessAtFullVolume - measured;
  for (const sound of [bed, ...events]) scaleInPlace(sound.channels, decibelsToGain(gainDb));
  if (events.length === 0) {
    return { pcm: bed, manifest: { loopSeconds: pcmSeconds(bed), loudness: ambienceLoudnessAtFullVolume }, gainDb };
  }
  const sprite = packSprite(events, eventGapSeconds);
  const bedSeconds = pcmSeconds(bed);
  return {
    pcm: joinWithSilence([bed, sprite.pcm], 0),
    manifest: {
      loopSeconds: bedSeconds,
      events: sprite.clips.map((clip) => ({ start: bedSeconds + clip.start, duration: clip.duration })),
      loudness: ambienceLoudnessAtFullVolume,
    },
    gainDb,
  };
}
