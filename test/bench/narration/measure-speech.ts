import { speechSpan, wordsOf } from '../../../src/speech/speech-span';
import { fftInPlace } from '../timing/fft';

/** One line of narration, measured in its decoded audio. */
export interface LineFigures {
  /** Words from the first sound to the last, per minute. */
  readonly wordsPerMinute: number;
  /** Every silence of at least 0.25 s between the first sound and the last, in seconds. */
  readonly rests: readonly number[];
  /** Integrated loudness (ITU-R BS.1770, gated), in LUFS. */
  readonly lufs: number;
}

/** Speech span and rests of one clip, found in its audio. */
export function measureLine(samples: Float32Array, sampleRate: number, text: string): LineFigures {
  const { seconds, rests } = speechSpan(samples, sampleRate);
  return { wordsPerMinute: (wordsOf(text) / seconds) * 60, rests, lufs: integratedLoudness(samples, sampleRate) };
}

/** A biquad's coefficients, normalised (a0 = 1). */
interface Biquad {
  readonly b: readonly [number, number, number];
  readonly a: readonly [number, number];
}

/** BS.1770's K-weighting at any sample rate: the high-shelf "head" stage, then the RLB high-pass. */
function kWeighting(sampleRate: number): Biquad[] {
  const shelf = (() => {
    const gain = 3.999843853973347;
    const frequency = 1681.974450955533;
    const q = 0.7071752369554196;
    const k = Math.tan((Math.PI * frequency) / sampleRate);
    const vh = 10 ** (gain / 20);
    const vb = vh ** 0.4996667741545416;
    const a0 = 1 + k / q + k * k;
    return { b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0], a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] } as Biquad;
  })();
  const highPass = (() => {
    const frequency = 38.13547087602444;
    const q = 0.5003270373238773;
    const k = Math.tan((Math.PI * frequency) / sampleRate);
    const a0 = 1 + k / q + k * k;
    return { b: [1, -2, 1], a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] } as Biquad;
  })();
  return [shelf, highPass];
}

function filtered(samples: Float32Array, filter: Biquad): Float64Array {
  const out = new Float64Array(samples.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let index = 0; index < samples.length; index += 1) {
    const x = samples[index] ?? 0;
    const y = filter.b[0] * x + filter.b[1] * x1 + filter.b[2] * x2 - filter.a[0] * y1 - filter.a[1] * y2;
    out[index] = y;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
  }
  return out;
}

/** Integrated loudness of mono audio: 400 ms blocks, 75 % overlap, absolute gate −70 LUFS, relative gate −10 LU. */
export function integratedLoudness(samples: Float32Array, sampleRate: number): number {
  const [shelf, highPass] = kWeighting(sampleRate);
  if (!shelf || !highPass) return Number.NaN;
  const weighted = filtered(Float32Array.from(filtered(samples, shelf)), highPass);
  const block = Math.round(sampleRate * 0.4);
  const hop = Math.round(block / 4);
  const powers: number[] = [];
  for (let start = 0; start + block <= weighted.length; start += hop) {
    let sum = 0;
    for (let index = start; index < start + block; index += 1) sum += (weighted[index] ?? 0) ** 2;
    powers.push(sum / block);
  }
  const lufsOf = (power: number): number => -0.691 + 10 * Math.log10(power);
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const loudEnough = powers.filter((power) => lufsOf(power) > -70);
  if (loudEnough.length === 0) return Number.NEGATIVE_INFINITY;
  const relativeGate = lufsOf(mean(loudEnough)) - 10;
  const gated = loudEnough.filter((power) => lufsOf(power) > relativeGate);
  return lufsOf(mean(gated));
}

/** Where the speech's energy lies: the 4–8 kHz band against 0–4 kHz, and the highest frequency within 50 dB of the peak. */
export function bandwidth(samples: Float32Array, sampleRate: number): { readonly highBandDb: number; readonly topHz: number } {
  const size = 2048;
  const spectrum = new Float64Array(size / 2 + 1);
  const window = Float64Array.from({ length: size }, (_, index) => 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / (size - 1)));
  let frames = 0;
  for (let start = 0; start + size <= samples.length; start += size / 2) {
    const real = new Float64Array(size);
    let energy = 0;
    for (let index = 0; index < size; index += 1) {
      const sample = samples[start + index] ?? 0;
      real[index] = sample * (window[index] ?? 0);
      energy += sample * sample;
    }
    // Only frames with speech in them: silence would flatten the spectrum towards its noise floor.
    if (Math.sqrt(energy / size) < 0.003) continue;
    const imaginary = new Float64Array(size);
    fftInPlace(real, imaginary);
    for (let bin = 0; bin <= size / 2; bin += 1) spectrum[bin] = (spectrum[bin] ?? 0) + (real[bin] ?? 0) ** 2 + (imaginary[bin] ?? 0) ** 2;
    frames += 1;
  }
  if (frames === 0) return { highBandDb: Number.NaN, topHz: 0 };
  const binHz = sampleRate / size;
  const bandPower = (low: number, high: number): number => spectrum.reduce((sum, power, bin) => (bin * binHz >= low && bin * binHz < high ? sum + power : sum), 0);
  const decibels = [...spectrum].map((power) => 10 * Math.log10(power + 1e-20));
  const smoothBins = Math.max(1, Math.round(200 / binHz));
  const smoothed = decibels.map((_, bin) => {
    const from = Math.max(0, bin - Math.floor(smoothBins / 2));
    const part = decibels.slice(from, from + smoothBins);
    return part.reduce((sum, value) => sum + value, 0) / part.length;
  });
  const peak = Math.max(...decibels);
  let top = 0;
  smoothed.forEach((level, bin) => {
    if (level > peak - 50) top = bin * binHz;
  });
  return { highBandDb: 10 * Math.log10(bandPower(4000, 8000) / bandPower(50, 4000)), topHz: Math.round(top) };
}
