import type { Pcm } from './pcm';
import { decibelsToGain, gainToDecibels } from './levels';
import { followEnvelope } from './envelope';
import { applyGainCurve, linkedMagnitude } from './gain-curve';

export interface CompressorSettings {
  readonly thresholdDb: number;
  readonly ratio: number;
  readonly kneeDb: number;
  readonly attackSeconds: number;
  readonly releaseSeconds: number;
}

/** Feed-forward, soft-knee, stereo-linked downward compressor. */
export function compress(pcm: Pcm, settings: CompressorSettings): Pcm {
  const envelope = followEnvelope(linkedMagnitude(pcm), pcm.sampleRate, settings.attackSeconds, settings.releaseSeconds);
  const gains = envelope.map((level) => (level > 0 ? decibelsToGain(gainChangeDb(gainToDecibels(level), settings)) : 1));
  return applyGainCurve(pcm, gains);
}

function gainChangeDb(levelDb: number, settings: CompressorSettings): number {
  const over = levelDb - settings.thresholdDb;
  const slope = 1 / settings.ratio - 1;
  const halfKnee = settings.kneeDb / 2;
  if (over <= -halfKnee) return 0;
  if (over >= halfKnee) return slope * over;
  return (slope * (over + halfKnee) ** 2) / (2 * settings.kneeDb);
}
