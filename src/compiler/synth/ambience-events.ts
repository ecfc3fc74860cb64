import { ambienceScatter } from '../../engine/ambience-scatter';
import type { AmbienceKind } from '../../engine/script-model';
import { createRandom } from '../../engine/seeded-random';
import type { Pcm } from '../../speech/pcm';
import { birdCall } from './bird-calls';
import { crackleBurst } from './crackles';
import { fadeInPlace, fadeOutInPlace } from '../../speech/fades';
import { BiquadBandPass, OnePoleHighPass, OnePoleLowPass } from '../../speech/filters';
import { rmsOf, scaleInPlace } from '../../speech/levels';
import { randomBetween, whiteNoise } from './random';

const seeds: Readonly<Record<AmbienceKind, number>> = { beach: 0x3a7e, forest: 0xb14d, room: 0xf14e, rain: 0xd409, 'brown-noise': 0 };
const edgeSeconds = 0.005;

/**
 * Each ambience's separate sounds, as many variants as `ambienceScatter` asks for, each stereo
 * (the same in both ears: the player pans it) and starting and ending in silence. Levels are set
 * against `bedRms`, the bed's RMS level, so a wave, a bird or a drop stands out of the bed as it
 * would outdoors, never above it by a shout.
 */
export function synthAmbienceEvents(kind: AmbienceKind, sampleRate: number, bedRms: number): Pcm[] {
  const scatter = ambienceScatter[kind];
  if (!scatter) return [];
  const random = createRandom(seeds[kind]);
  return Array.from({ length: scatter.variants }, (_, variant) => {
    const mono = eventSound(kind, variant, random, sampleRate, bedRms, scatter.longest);
    const edge = Math.round(edgeSeconds * sampleRate);
    fadeInPlace(mono, edge);
    fadeOutInPlace(mono, edge);
    return { sampleRate, channels: [mono, mono.slice()] };
  });
}

function eventSound(kind: AmbienceKind, variant: number, random: () => number, sampleRate: number, bedRms: number, longest: number): Float32Array {
  switch (kind) {
    case 'beach':
      return wave(random, sampleRate, longest - 0.6 * variant, 0.8 * bedRms);
    case 'forest':
      return birdCall(random, sampleRate, 1 + (variant % 4), 3 * bedRms);
    case 'room':
      return crackleBurst(random, sampleRate, longest - 0.3 * variant, 14 * bedRms);
    case 'rain':
      return drips(random, sampleRate, 1 + (variant % 3), longest, 2.5 * bedRms);
    case 'brown-noise':
      return new Float32Array(0);
  }
}

/**
 * One wave breaking: a swell of low roar and a brighter wash over about a third of its length,
 * then a long hiss out. `rms` is its level over its whole length.
 */
function wave(random: () => number, sampleRate: number, seconds: number, rms: number): Float32Array {
  const frames = Math.round(seconds * sampleRate);
  const crest = randomBetween(random, 0.28, 0.4);
  const roar = new OnePoleLowPass(randomBetween(random, 320, 450), sampleRate);
  const floor = new OnePoleHighPass(35, sampleRate);
  const wash = new BiquadBandPass(randomBetween(random, 900, 1500), 0.7, sampleRate);
  const softener = new OnePoleLowPass(4000, sampleRate);
  const sound = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) {
    const progress = frame / frames;
    const rise = progress < crest ? 0.5 - 0.5 * Math.cos((Math.PI * progress) / crest) : Math.exp(-3.2 * ((progress - crest) / (1 - crest)));
    const body = floor.next(roar.next(whiteNoise(random)));
    const hiss = softener.next(wash.next(whiteNoise(random)));
    sound[frame] = rise * (1.6 * body + 0.9 * rise * hiss);
  }
  fadeOutInPlace(sound, Math.round(0.4 * sampleRate));
  scaleInPlace([sound], rms / Math.max(rmsOf([sound]), Number.MIN_VALUE));
  return sound;
}

/**
 * A few heavier drops falling close by (from a gutter or a leaf): each a quickly decaying ping
 * whose pitch falls a little, the loudest peaking at `loudest`.
 */
function drips(random: () => number, sampleRate: number, count: number, seconds: number, loudest: number): Float32Array {
  const sound = new Float32Array(Math.round(seconds * sampleRate));
  let start = Math.round(randomBetween(random, 0.01, 0.05) * sampleRate);
  for (let drop = 0; drop < count && start < sound.length; drop += 1) {
    const startHz = randomBetween(random, 900, 2200);
    const decayFrames = randomBetween(random, 0.012, 0.03) * sampleRate;
    const peak = loudest * randomBetween(random, 0.6, 1);
    let phase = 0;
    const end = Math.min(sound.length, start + Math.ceil(7 * decayFrames));
    for (let frame = start; frame < end; frame += 1) {
      const elapsed = frame - start;
      phase += (2 * Math.PI * startHz * (1 - 0.3 * Math.min(1, elapsed / (3 * decayFrames)))) / sampleRate;
      sound[frame] = (sound[frame] ?? 0) + peak * Math.min(1, elapsed / 20) * Math.exp(-elapsed / decayFrames) * Math.sin(phase);
    }
    start = end + Math.round(randomBetween(random, 0.08, 0.3) * sampleRate);
  }
  return sound;
}
