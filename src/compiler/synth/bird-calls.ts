import type { AmbienceStream } from './ambience-stream';
import { cleanEventStarts } from './ambience-stream';
import { panLeftGain, panRightGain } from './pan';
import { randomBetween } from './random';
import type { Stereo } from './stereo';

interface Chirp {
  readonly startHz: number;
  readonly endHz: number;
  readonly seconds: number;
  readonly amplitude: number;
  readonly pan: number;
  readonly trillHz: number;
}

/** One call for every this many seconds of loop. */
const secondsPerCall = 7;
const maxChirpsPerCall = 4;
const longestChirpSeconds = 0.12;
const longestGapSeconds = 0.16;
const trillDepth = 0.06;

/** Adds a few short calls of frequency-swept chirps at seeded times; `loudest` is the loudest chirp's peak. */
export function addBirdCalls(stereo: Stereo, stream: AmbienceStream, loudest: number): void {
  const { sampleRate, random } = stream;
  const callFrames = Math.ceil(maxChirpsPerCall * (longestChirpSeconds + longestGapSeconds) * sampleRate);
  const starts = cleanEventStarts(stream, callFrames);
  if (!starts) return;
  const calls = Math.round(stream.loopFrames / sampleRate / secondsPerCall);
  for (let call = 0; call < calls; call += 1) {
    let frame = Math.floor(randomBetween(random, starts.first, starts.last));
    const pitchHz = randomBetween(random, 2600, 4300);
    const sweep = randomBetween(random, 0.7, 1.35);
    const pan = randomBetween(random, -0.7, 0.7);
    const amplitude = loudest * randomBetween(random, 0.55, 1);
    const chirps = 1 + Math.floor(random() * maxChirpsPerCall);
    for (let index = 0; index < chirps; index += 1) {
      const startHz = pitchHz * randomBetween(random, 0.95, 1.05);
      const seconds = randomBetween(random, 0.05, longestChirpSeconds);
      const trillHz = randomBetween(random, 20, 40);
      addChirp(stereo, frame, sampleRate, { startHz, endHz: startHz * sweep, seconds, amplitude, pan, trillHz });
      frame += Math.round((seconds + randomBetween(random, 0.06, longestGapSeconds)) * sampleRate);
    }
  }
}

/** A frequency sweep with a fast trill (FM) under a sine-squared envelope, so it starts and ends at zero. */
function addChirp([left, right]: Stereo, start: number, sampleRate: number, chirp: Chirp): void {
  const frames = Math.round(chirp.seconds * sampleRate);
  const leftGain = panLeftGain(chirp.pan);
  const rightGain = panRightGain(chirp.pan);
  let phase = 0;
  for (let index = 0; index < frames && start + index < left.length; index += 1) {
    const progress = index / frames;
    const trill = 1 + trillDepth * Math.sin((2 * Math.PI * chirp.trillHz * index) / sampleRate);
    phase += (2 * Math.PI * (chirp.startHz + (chirp.endHz - chirp.startHz) * progress) * trill) / sampleRate;
    const envelope = Math.sin(Math.PI * progress) ** 2;
    const sample = chirp.amplitude * envelope * Math.sin(phase);
    left[start + index] = (left[start + index] ?? 0) + leftGain * sample;
    right[start + index] = (right[start + index] ?? 0) + rightGain * sample;
  }
}
