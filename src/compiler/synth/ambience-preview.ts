import { ambienceScatter, scatterEvents } from '../../engine/ambience-scatter';
import type { AmbienceKind } from '../../engine/script-model';
import { pcmFrames, silentPcm, type Pcm } from '../../speech/pcm';

/** Any seed does: the preview stands for the density and spread of events, not for one session. */
const previewSeed = 0x1e7e1;

/**
 * What the ambience sounds like in a session at volume 1: the bed looped for `seconds`, with its
 * events where the engine's scatter puts them, each at its level and panned as Web Audio's
 * StereoPannerNode pans a stereo sound. The compiler measures its loudness from this.
 */
export function previewAmbience(kind: AmbienceKind, bed: Pcm, events: readonly Pcm[], seconds: number): Pcm {
  const { sampleRate } = bed;
  const frames = Math.round(seconds * sampleRate);
  const mix = silentPcm(sampleRate, frames, 2);
  const [left, right] = mix.channels;
  const bedFrames = pcmFrames(bed);
  if (!left || !right || bedFrames === 0) return mix;
  const [bedLeft, bedRight] = bed.channels;
  for (let frame = 0; frame < frames; frame += 1) {
    left[frame] = bedLeft?.[frame % bedFrames] ?? 0;
    right[frame] = bedRight?.[frame % bedFrames] ?? 0;
  }
  const scatter = ambienceScatter[kind];
  if (!scatter) return mix;
  for (const event of scatterEvents(scatter, previewSeed, 0, seconds)) {
    const sound = events[event.variant];
    if (!sound) continue;
    const start = Math.round(event.at * sampleRate);
    const [inLeft, inRight] = sound.channels;
    const angle = ((event.pan <= 0 ? event.pan + 1 : event.pan) * Math.PI) / 2;
    const [toLeft, toRight] = [Math.cos(angle), Math.sin(angle)];
    for (let index = 0; index < pcmFrames(sound) && start + index < frames; index += 1) {
      const l = event.level * (inLeft?.[index] ?? 0);
      const r = event.level * (inRight?.[index] ?? 0);
      const outLeft = event.pan <= 0 ? l + r * toLeft : l * toLeft;
      const outRight = event.pan <= 0 ? r * toRight : r + l * toRight;
      left[start + index] = (left[start + index] ?? 0) + outLeft;
      right[start + index] = (right[start + index] ?? 0) + outRight;
    }
  }
  return mix;
}
