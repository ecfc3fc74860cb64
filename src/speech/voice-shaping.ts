import type { Pcm } from './pcm';
import { pcmFrames } from './pcm';
import { fadeInPlace, fadeOutInPlace } from './fades';
import { filterInPlace } from './filters';
import { gainToDecibels, rmsOf } from './levels';
import { Biquad, highPassCoefficients } from './biquad';
import { compress } from './compressor';
import { normalizeLoudness } from './loudness-normalize';
import { trimSilence } from './silence-trim';
import { softenHighs } from './soften-highs';

const RUMBLE_CUTOFF_HZ = 70;
const FADE_SECONDS = 0.01;

/**
 * Makes synthetic narration gentler: trims silence (keeping 30 ms), removes rumble, softens harsh
 * highs and sibilants, compresses lightly, and levels every clip alike (RMS −20 dBFS, peaks
 * ≤ −3 dBFS) with 10 ms fades so nothing clicks. Deterministic; an all-silent clip comes back empty.
 */
export function shapeVoice(pcm: Pcm): Pcm {
  const trimmed = trimSilence(pcm, { thresholdDb: -45, keepSeconds: 0.03 });
  if (pcmFrames(trimmed) === 0) return trimmed;
  const rumble = highPassCoefficients(trimmed.sampleRate, RUMBLE_CUTOFF_HZ);
  const cleaned = {
    sampleRate: trimmed.sampleRate,
    channels: trimmed.channels.map((samples) => filterInPlace(samples.slice(), new Biquad(rumble))),
  };
  const softened = softenHighs(cleaned, { splitHz: 5000, shelfDb: -3, sibilanceRatio: 0.5, maxDeEssDb: 5 });
  const compressed = compress(softened, {
    // Relative to the clip's own level, so quiet and loud synth output get the same treatment.
    thresholdDb: gainToDecibels(rmsOf(softened.channels)) + 6,
    ratio: 2,
    kneeDb: 6,
    attackSeconds: 0.005,
    releaseSeconds: 0.12,
  });
  const levelled = normalizeLoudness(compressed, { rmsDb: -20, peakDb: -3 });
  const fadeFrames = Math.round(FADE_SECONDS * levelled.sampleRate);
  const channels = levelled.channels.map((samples) => samples.slice());
  for (const samples of channels) {
    fadeInPlace(samples, fadeFrames);
    fadeOutInPlace(samples, fadeFrames);
  }
  return { sampleRate: levelled.sampleRate, channels };
}
