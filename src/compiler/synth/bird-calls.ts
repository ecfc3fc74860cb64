import { randomBetween } from './random';

interface Chirp {
  readonly startHz: number;
  readonly endHz: number;
  readonly seconds: number;
  readonly trillHz: number;
}

const longestChirpSeconds = 0.12;
const longestGapSeconds = 0.16;
const trillDepth = 0.06;

/** The longest call `birdCall` makes with this many chirps, in seconds. */
export const birdCallSeconds = (chirps: number): number => chirps * (longestChirpSeconds + longestGapSeconds);

/**
 * One bird call, mono: `chirps` short frequency-swept chirps around a seeded pitch, the loudest
 * peaking at `loudest`. It starts and ends at exactly zero.
 */
export function birdCall(random: () => number, sampleRate: number, chirps: number, loudest: number): Float32Array {
  const call = new Float32Array(Math.ceil(birdCallSeconds(chirps) * sampleRate));
  const pitchHz = randomBetween(random, 2600, 4300);
  const sweep = randomBetween(random, 0.7, 1.35);
  let frame = 0;
  for (let index = 0; index < chirps; index += 1) {
    const startHz = pitchHz * randomBetween(random, 0.95, 1.05);
    const seconds = randomBetween(random, 0.05, longestChirpSeconds);
    const amplitude = loudest * randomBetween(random, 0.7, 1);
    addChirp(call, frame, sampleRate, amplitude, { startHz, endHz: startHz * sweep, seconds, trillHz: randomBetween(random, 20, 40) });
    frame += Math.round((seconds + randomBetween(random, 0.06, longestGapSeconds)) * sampleRate);
  }
  return call;
}

/** A frequency sweep with a fast trill (FM) under a sine-squared envelope, so it starts and ends at zero. */
function addChirp(target: Float32Array, start: number, sampleRate: number, amplitude: number, chirp: Chirp): void {
  const frames = Math.round(chirp.seconds * sampleRate);
  let phase = 0;
  for (let index = 0; index < frames && start + index < target.length; index += 1) {
    const progress = index / frames;
    const trill = 1 + trillDepth * Math.sin((2 * Math.PI * chirp.trillHz * index) / sampleRate);
    phase += (2 * Math.PI * (chirp.startHz + (chirp.endHz - chirp.startHz) * progress) * trill) / sampleRate;
    const envelope = Math.sin(Math.PI * progress) ** 2;
    target[start + index] = (target[start + index] ?? 0) + amplitude * envelope * Math.sin(phase);
  }
}
