import type { AmbienceKind } from '../../engine/script-model';
import type { Pcm } from '../../speech/pcm';
import { renderBeach } from './ambience-beach';
import { renderBrownNoise } from './ambience-brown-noise';
import { renderForest } from './ambience-forest';
import { renderRain } from './ambience-rain';
import { renderRoom } from './ambience-room';
import type { AmbienceStream } from './ambience-stream';
import { decibelsToGain, normalizeRmsInPlace, softLimitInPlace } from '../../speech/levels';
import { makeSeamlessLoop } from './loop';
import { createRandom } from '../../engine/seeded-random';


interface AmbienceRecipe {
  readonly seed: number;
  readonly render: (stream: AmbienceStream) => Pcm;
}

const recipes: Readonly<Record<AmbienceKind, AmbienceRecipe>> = {
  beach: { seed: 0xbeac4, render: renderBeach },
  forest: { seed: 0xf0e57, render: renderForest },
  room: { seed: 0x400f, render: renderRoom },
  rain: { seed: 0x4a1a, render: renderRain },
  'brown-noise': { seed: 0xb40a1, render: renderBrownNoise },
};

const targetRmsDecibels = -24;
const limiterKneeDecibels = -6;
const ceiling = 0.7;
const crossfadeSeconds = 1;

/**
 * A stereo ambience bed exactly `Math.round(seconds * sampleRate)` frames long that plays on
 * repeat without a click or a level jump, at about −24 dBFS RMS with peaks below 0.7.
 */
export function synthAmbienceLoop(kind: AmbienceKind, sampleRate: number, seconds: number): Pcm {
  const loopFrames = Math.round(seconds * sampleRate);
  if (!Number.isFinite(loopFrames) || loopFrames < 1) {
    throw new RangeError(`an ambience loop needs at least one frame, got ${seconds} s at ${sampleRate} Hz`);
  }
  const crossfadeFrames = Math.min(Math.round(crossfadeSeconds * sampleRate), Math.floor(loopFrames / 4));
  const recipe = recipes[kind];
  const stream = recipe.render({
    sampleRate,
    loopFrames,
    frames: loopFrames + crossfadeFrames,
    random: createRandom(recipe.seed),
  });
  const loop = makeSeamlessLoop(stream, loopFrames, crossfadeFrames);
  normalizeRmsInPlace(loop.channels, decibelsToGain(targetRmsDecibels));
  softLimitInPlace(loop.channels, decibelsToGain(limiterKneeDecibels), ceiling);
  return loop;
}
