import type { Pcm } from './pcm';
import { decibelsToGain, gainToDecibels, peakOf, rmsOf, scaleInPlace } from './levels';
import { limitPeaks } from './peak-limiter';

export interface LoudnessTarget {
  readonly rmsDb: number;
  readonly peakDb: number;
}

const MAX_PASSES = 6;
const TOLERANCE_DB = 0.1;

/**
 * Brings the clip's RMS to the target while holding peaks under the ceiling. Limiting lowers the
 * RMS a little, so gain and limiting alternate until both hold.
 */
export function normalizeLoudness(pcm: Pcm, target: LoudnessTarget): Pcm {
  const ceiling = decibelsToGain(target.peakDb);
  let current = pcm;
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const level = rmsOf(current.channels);
    if (level === 0) return current;
    const correctionDb = target.rmsDb - gainToDecibels(level);
    if (Math.abs(correctionDb) < TOLERANCE_DB && peakOf(current.channels) <= ceiling) return current;
    const channels = current.channels.map((samples) => samples.slice());
    scaleInPlace(channels, decibelsToGain(correctionDb));
    current = limitPeaks({ sampleRate: current.sampleRate, channels }, ceiling);
  }
  return current;
}
