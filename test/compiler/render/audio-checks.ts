import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pcm } from '../../../src/speech/pcm';

/** A sine of `frequency` Hz, `seconds` long. */
export function tone(sampleRate: number, seconds: number, frequency: number, amplitude = 0.5): Pcm {
  const frames = Math.round(sampleRate * seconds);
  const samples = Float32Array.from({ length: frames }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
  return { sampleRate, channels: [samples] };
}

/**
 * Deterministic stand-in for narration: a voiced buzz (pitch gliding 150–210 Hz, falling harmonics)
 * shaped into ~4 syllables a second with hissy consonants, and a short pause every few seconds.
 */
export function speechLike(sampleRate: number, seconds: number): Pcm {
  const samples = new Float32Array(Math.round(sampleRate * seconds));
  let seed = 20240611;
  let phase = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const t = i / sampleRate;
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const noise = (seed / 2 ** 32) * 2 - 1;
    phase += (2 * Math.PI * (180 + 30 * Math.sin(2 * Math.PI * 0.4 * t))) / sampleRate;
    let voiced = 0;
    for (let harmonic = 1; harmonic <= 12; harmonic += 1) voiced += Math.sin(harmonic * phase) / harmonic;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 4 * t)) ** 2;
    const consonant = Math.max(0, Math.sin(2 * Math.PI * 4 * t + Math.PI)) ** 8;
    const pause = t % 5 > 4.3 ? 0 : 1;
    samples[i] = pause * (0.25 * syllable * voiced + 0.05 * consonant * noise);
  }
  return { sampleRate, channels: [samples] };
}

export function rmsDb(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return 10 * Math.log10(sum / Math.max(1, samples.length));
}

export function peakOfSamples(samples: Float32Array): number {
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  return peak;
}

/** Normalised cross-correlation of `a` with `b` shifted by `lag` samples, over their overlap. */
export function correlation(a: Float32Array, b: Float32Array, lag = 0): number {
  let product = 0;
  let energyA = 0;
  let energyB = 0;
  for (let i = Math.max(0, -lag); i < a.length && i + lag < b.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i + lag] ?? 0;
    product += x * y;
    energyA += x * x;
    energyB += y * y;
  }
  return product / Math.sqrt(energyA * energyB || 1);
}

/** The lag within ±`range` samples where `b` best matches `a`. */
export function bestLag(a: Float32Array, b: Float32Array, range: number): { lag: number; correlation: number } {
  let best = { lag: 0, correlation: -Infinity };
  for (let lag = -range; lag <= range; lag += 1) {
    const value = correlation(a, b, lag);
    if (value > best.correlation) best = { lag, correlation: value };
  }
  return best;
}

export const hasFfmpeg = ((): boolean => {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Decodes with Debian's ffmpeg (an independent decoder) to mono float samples at `sampleRate`. */
export function decodeWithFfmpeg(bytes: Uint8Array, extension: string, sampleRate: number): Float32Array {
  const dir = mkdtempSync(join(tmpdir(), 'lull-ffmpeg-'));
  try {
    const path = join(dir, `input.${extension}`);
    writeFileSync(path, bytes);
    const raw = execFileSync(
      'ffmpeg',
      ['-v', 'error', '-i', path, '-f', 'f32le', '-ac', '1', '-ar', String(sampleRate), '-'],
      { maxBuffer: 1 << 28 },
    );
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
