import type { Pcm } from './pcm';
import { decibelsToGain, peakOf } from './levels';
import { linkedMagnitude } from './gain-curve';

export interface SilenceTrimSettings {
  /** Samples quieter than this, relative to the clip's peak, count as silence. */
  readonly thresholdDb: number;
  /** Silence kept before the first and after the last sound. */
  readonly keepSeconds: number;
}

/** Cuts leading and trailing silence, keeping a short margin; an all-silent clip becomes empty. */
export function trimSilence(pcm: Pcm, settings: SilenceTrimSettings): Pcm {
  const threshold = peakOf(pcm.channels) * decibelsToGain(settings.thresholdDb);
  const magnitude = linkedMagnitude(pcm);
  let first = 0;
  while (first < magnitude.length && (magnitude[first] ?? 0) <= threshold) first += 1;
  let last = magnitude.length - 1;
  while (last >= first && (magnitude[last] ?? 0) <= threshold) last -= 1;
  const keep = Math.round(settings.keepSeconds * pcm.sampleRate);
  const start = last < first ? 0 : Math.max(0, first - keep);
  const end = last < first ? 0 : Math.min(magnitude.length, last + 1 + keep);
  return { sampleRate: pcm.sampleRate, channels: pcm.channels.map((samples) => samples.slice(start, end)) };
}
