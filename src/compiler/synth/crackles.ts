import { BiquadBandPass, OnePoleLowPass } from '../../speech/filters';
import { randomBetween, whiteNoise } from './random';

const cracklesPerSecond = 5;
const longestDecaySeconds = 0.006;
const attackSeconds = 0.0003;
/** Most crackles are far quieter than the loudest: levels spread over this many decibels. */
const levelSpreadDecibels = 26;

/**
 * A few seconds of fire crackling, mono: short noise bursts at Poisson-random times, band-passed
 * and softened, under a gentle swell so the passage begins and ends in silence. `loudest` is the
 * loudest burst's amplitude before that filtering.
 */
export function crackleBurst(random: () => number, sampleRate: number, seconds: number, loudest: number): Float32Array {
  const frames = Math.round(seconds * sampleRate);
  const burstFrames = Math.ceil(6 * longestDecaySeconds * sampleRate);
  const bursts = new Float32Array(frames);
  const attackFrames = attackSeconds * sampleRate;
  // Exponential gaps make a Poisson process: irregular, like a real fire.
  const nextGap = (): number => Math.round((-Math.log(1 - random()) / cracklesPerSecond) * sampleRate);
  for (let start = nextGap(); start + burstFrames < frames; start += nextGap()) {
    const decay = Math.exp(-1 / (randomBetween(random, 0.001, longestDecaySeconds) * sampleRate));
    // Loudest in the middle of the passage, so it swells in and out.
    const swell = Math.sin((Math.PI * start) / frames);
    let amplitude = swell * loudest * 10 ** (-(levelSpreadDecibels / 20) * random());
    for (let index = 0; index < burstFrames; index += 1) {
      bursts[start + index] = (bursts[start + index] ?? 0) + amplitude * Math.min(1, index / attackFrames) * whiteNoise(random);
      amplitude *= decay;
    }
  }
  const body = new BiquadBandPass(2200, 0.9, sampleRate);
  const softener = new OnePoleLowPass(5000, sampleRate);
  return bursts.map((sample) => softener.next(body.next(sample)));
}
