import type { AmbienceStream } from './ambience-stream';
import { cleanEventStarts } from './ambience-stream';
import { BiquadBandPass, OnePoleLowPass } from './filters';
import { panLeftGain, panRightGain } from './pan';
import { randomBetween, whiteNoise } from './random';
import type { Stereo } from './stereo';

const crackleRatePerSecond = 2.5;
const longestDecaySeconds = 0.006;
const attackSeconds = 0.0003;
/** Most crackles are far quieter than the loudest: levels spread over this many decibels. */
const levelSpreadDecibels = 26;

/**
 * Adds sparse fire crackles: short noise bursts at Poisson-random times, then band-passed and
 * softened. `loudest` is the loudest burst's amplitude before that filtering.
 */
export function addCrackles([left, right]: Stereo, stream: AmbienceStream, loudest: number): void {
  const { sampleRate, random } = stream;
  const burstFrames = Math.ceil(6 * longestDecaySeconds * sampleRate);
  const starts = cleanEventStarts(stream, burstFrames);
  if (!starts) return;
  const leftBursts = new Float32Array(left.length);
  const rightBursts = new Float32Array(right.length);
  const attackFrames = attackSeconds * sampleRate;
  // Exponential gaps make a Poisson process: irregular, like a real fire.
  const nextGap = (): number => Math.round((-Math.log(1 - random()) / crackleRatePerSecond) * sampleRate);
  for (let start = starts.first + nextGap(); start <= starts.last; start += nextGap()) {
    const decayFrames = randomBetween(random, 0.001, longestDecaySeconds) * sampleRate;
    const peak = loudest * 10 ** (-(levelSpreadDecibels / 20) * random());
    const pan = randomBetween(random, -0.6, 0.6);
    const leftGain = panLeftGain(pan);
    const rightGain = panRightGain(pan);
    const decay = Math.exp(-1 / decayFrames);
    let amplitude = peak;
    for (let index = 0; index < burstFrames; index += 1) {
      const sample = amplitude * Math.min(1, index / attackFrames) * whiteNoise(random);
      amplitude *= decay;
      leftBursts[start + index] = (leftBursts[start + index] ?? 0) + leftGain * sample;
      rightBursts[start + index] = (rightBursts[start + index] ?? 0) + rightGain * sample;
    }
  }
  mixFiltered(left, leftBursts, stream.sampleRate);
  mixFiltered(right, rightBursts, stream.sampleRate);
}

function mixFiltered(target: Float32Array, bursts: Float32Array, sampleRate: number): void {
  const body = new BiquadBandPass(2200, 0.9, sampleRate);
  const softener = new OnePoleLowPass(5000, sampleRate);
  for (let index = 0; index < target.length; index += 1) {
    target[index] = (target[index] ?? 0) + softener.next(body.next(bursts[index] ?? 0));
  }
}
