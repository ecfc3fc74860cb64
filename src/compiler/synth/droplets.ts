import type { AmbienceStream } from './ambience-stream';
import { panLeftGain, panRightGain } from './pan';
import { randomBetween } from './random';
import type { Stereo } from './stereo';

const dropletsPerSecond = 70;
const longestDecaySeconds = 0.007;
const attackSeconds = 0.0004;

/**
 * Adds many tiny droplets: short, quickly decaying pings at random pitch, time and position;
 * `loudest` is the loudest one's peak. They are dense enough to be part of the texture, so unlike
 * sparse events they may fall anywhere, the seam included.
 */
export function addDroplets([left, right]: Stereo, stream: AmbienceStream, loudest: number): void {
  const { sampleRate, frames, random } = stream;
  const count = Math.round((dropletsPerSecond * frames) / sampleRate);
  const attackFrames = attackSeconds * sampleRate;
  for (let droplet = 0; droplet < count; droplet += 1) {
    const start = Math.floor(random() * frames);
    const frequencyHz = randomBetween(random, 1800, 5500);
    const decayFrames = randomBetween(random, 0.002, longestDecaySeconds) * sampleRate;
    const peak = loudest * random() ** 2;
    const pan = randomBetween(random, -0.8, 0.8);
    const leftGain = panLeftGain(pan);
    const rightGain = panRightGain(pan);
    const end = Math.min(frames, start + Math.ceil(6 * decayFrames));
    // An exponentially decaying sine obeys a two-term recurrence: no exp or sin per sample.
    const angle = (2 * Math.PI * frequencyHz) / sampleRate;
    const decay = Math.exp(-1 / decayFrames);
    const feedback = 2 * decay * Math.cos(angle);
    let previous = 0;
    let current = decay * Math.sin(angle);
    for (let frame = start + 1; frame < end; frame += 1) {
      const sample = peak * Math.min(1, (frame - start) / attackFrames) * current;
      left[frame] = (left[frame] ?? 0) + leftGain * sample;
      right[frame] = (right[frame] ?? 0) + rightGain * sample;
      const next = feedback * current - decay * decay * previous;
      previous = current;
      current = next;
    }
  }
}
