import type { Pcm } from '../../../src/speech/pcm';

/** The channel at `index`; throws, failing the test, if there is none. */
export function channelOf(pcm: Pcm, index = 0): Float32Array {
  const channel = pcm.channels.at(index);
  if (!channel) throw new Error(`no channel ${index} in a ${pcm.channels.length}-channel sound`);
  return channel;
}

// NaN for an empty signal, so that any check on it fails.
export const firstSample = (samples: Float32Array): number => samples.at(0) ?? Number.NaN;
export const lastSample = (samples: Float32Array): number => samples.at(-1) ?? Number.NaN;

/** Largest absolute sample-to-sample step. */
export function largestStep(samples: Float32Array): number {
  let largest = 0;
  for (let index = 1; index < samples.length; index += 1) {
    largest = Math.max(largest, Math.abs((samples[index] ?? 0) - (samples[index - 1] ?? 0)));
  }
  return largest;
}

/** The share (0…1) of sample-to-sample steps at least `size` big. */
export function shareOfStepsAtLeast(samples: Float32Array, size: number): number {
  let count = 0;
  for (let index = 1; index < samples.length; index += 1) {
    if (Math.abs((samples[index] ?? 0) - (samples[index - 1] ?? 0)) >= size) count += 1;
  }
  return count / Math.max(1, samples.length - 1);
}

/** True when both hold the very same bits (so NaN equals NaN and −0 differs from 0). */
export function bitIdentical(a: Float32Array | undefined, b: Float32Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  const aBits = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const bBits = new Uint32Array(b.buffer, b.byteOffset, b.length);
  return aBits.every((bits, index) => bits === bBits[index]);
}

export function everySampleFinite(channels: readonly Float32Array[]): boolean {
  return channels.every((channel) => channel.every((sample) => Number.isFinite(sample)));
}

/** Pitch estimate from zero crossings between two times; good enough for a near-sine tone. */
export function zeroCrossingFrequency(
  samples: Float32Array,
  sampleRate: number,
  fromSeconds: number,
  toSeconds: number,
): number {
  const from = Math.round(fromSeconds * sampleRate);
  const to = Math.round(toSeconds * sampleRate);
  let crossings = 0;
  for (let index = from + 1; index < to; index += 1) {
    if (Math.sign(samples[index] ?? 0) !== Math.sign(samples[index - 1] ?? 0)) crossings += 1;
  }
  return crossings / 2 / (toSeconds - fromSeconds);
}

export function sine(frames: number, periodFrames: number, amplitude = 1): Float32Array {
  return Float32Array.from({ length: frames }, (_, index) => amplitude * Math.sin((2 * Math.PI * index) / periodFrames));
}
