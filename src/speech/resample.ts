import type { Pcm } from './pcm';
import { pcmFrames } from './pcm';
import { SpeechError } from './speech-error';

// Kaiser-windowed sinc: ~90 dB stopband, flat to 95 % of the lower Nyquist frequency.
const ZERO_CROSSINGS = 32;
const KAISER_BETA = 9;
const PASSBAND = 0.95;
const MAX_TABLE_SIZE = 1 << 22;

interface Kernel {
  readonly halfTaps: number;
  /** Taps for the output sample that lies `phase / phases` of an input step past an input sample. */
  readonly row: (phase: number) => Float64Array;
}

/** Band-limited sample-rate conversion; deterministic, DC gain exactly 1. */
export function resample(pcm: Pcm, targetRate: number): Pcm {
  assertRate(pcm.sampleRate);
  assertRate(targetRate);
  if (targetRate === pcm.sampleRate) {
    return { sampleRate: targetRate, channels: pcm.channels.map((samples) => samples.slice()) };
  }
  const divisor = gcd(pcm.sampleRate, targetRate);
  const phases = targetRate / divisor;
  const stride = pcm.sampleRate / divisor;
  const kernel = createKernel(pcm.sampleRate, targetRate, phases);
  const outputFrames = Math.round((pcmFrames(pcm) * targetRate) / pcm.sampleRate);
  return {
    sampleRate: targetRate,
    channels: pcm.channels.map((samples) => convolve(samples, outputFrames, phases, stride, kernel)),
  };
}

function convolve(
  input: Float32Array,
  outputFrames: number,
  phases: number,
  stride: number,
  kernel: Kernel,
): Float32Array {
  const output = new Float32Array(outputFrames);
  const { halfTaps } = kernel;
  let base = 0;
  let phase = 0;
  for (let n = 0; n < outputFrames; n++) {
    const taps = kernel.row(phase);
    const first = base - halfTaps;
    let sum = 0;
    if (first >= 0 && first + taps.length <= input.length) {
      for (let k = 0; k < taps.length; k++) sum += (taps[k] ?? 0) * (input[first + k] ?? 0);
    } else {
      for (let k = 0; k < taps.length; k++) {
        const at = first + k;
        if (at >= 0 && at < input.length) sum += (taps[k] ?? 0) * (input[at] ?? 0);
      }
    }
    output[n] = sum;
    phase += stride;
    base += Math.floor(phase / phases);
    phase %= phases;
  }
  return output;
}

function createKernel(sourceRate: number, targetRate: number, phases: number): Kernel {
  const cutoff = 0.5 * Math.min(1, targetRate / sourceRate) * PASSBAND; // cycles per input sample
  const halfWidth = ZERO_CROSSINGS / (2 * cutoff); // in input samples
  const halfTaps = Math.ceil(halfWidth);
  const tapCount = 2 * halfTaps + 2; // covers every input sample within halfWidth of any fraction
  const windowNorm = besselI0(KAISER_BETA);
  const computeRow = (phase: number): Float64Array => {
    const fraction = phase / phases;
    const taps = new Float64Array(tapCount);
    let total = 0;
    for (let k = 0; k < tapCount; k++) {
      const distance = fraction + halfTaps - k; // output time minus input sample time
      const r = distance / halfWidth;
      if (Math.abs(r) >= 1) continue;
      const tap = 2 * cutoff * sinc(2 * cutoff * distance) * (besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / windowNorm);
      taps[k] = tap;
      total += tap;
    }
    for (let k = 0; k < tapCount; k++) taps[k] = (taps[k] ?? 0) / total;
    return taps;
  };
  if (phases * tapCount > MAX_TABLE_SIZE) return { halfTaps, row: computeRow };
  const table = Array.from({ length: phases }, (_, phase) => computeRow(phase));
  return { halfTaps, row: (phase) => table[phase] ?? computeRow(phase) };
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50 && term > 1e-12 * sum; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function assertRate(rate: number): void {
  if (!Number.isInteger(rate) || rate <= 0) throw new SpeechError('bad-sample-rate', String(rate));
}
