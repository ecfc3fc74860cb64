import type { Pcm } from './pcm';
import { pcmFrames } from './pcm';
import { filterInPlace } from './filters';
import { decibelsToGain } from './levels';
import { Biquad, lowPassCoefficients } from './biquad';
import { followEnvelope } from './envelope';
import { linkedMagnitude } from './gain-curve';

export interface SoftenHighsSettings {
  /** Where "highs" begin. */
  readonly splitHz: number;
  /** Constant cut applied to the highs. */
  readonly shelfDb: number;
  /** Sibilance: highs louder than this fraction of the whole signal's envelope are pulled down to it. */
  readonly sibilanceRatio: number;
  /** Deepest extra cut on a sibilant. */
  readonly maxDeEssDb: number;
}

const ATTACK_SECONDS = 0.001;
const RELEASE_SECONDS = 0.03;

/**
 * Shelf-cuts the band above `splitHz` and de-esses it. The band is the signal minus its low-passed
 * self, so lows + highs is the input exactly and a gain of 1 changes nothing.
 */
export function softenHighs(pcm: Pcm, settings: SoftenHighsSettings): Pcm {
  if (settings.splitHz >= 0.45 * pcm.sampleRate) return pcm;
  const split = lowPassCoefficients(pcm.sampleRate, settings.splitHz);
  const lows = pcm.channels.map((samples) =>
    filterInPlace(filterInPlace(samples.slice(), new Biquad(split)), new Biquad(split)),
  );
  const highs = pcm.channels.map((samples, c) => samples.map((sample, i) => sample - (lows[c]?.[i] ?? 0)));
  const gains = highBandGains({ sampleRate: pcm.sampleRate, channels: highs }, pcm, settings);
  return {
    sampleRate: pcm.sampleRate,
    channels: lows.map((low, c) => low.map((sample, i) => sample + (gains[i] ?? 1) * (highs[c]?.[i] ?? 0))),
  };
}

function highBandGains(highs: Pcm, whole: Pcm, settings: SoftenHighsSettings): Float32Array {
  const rate = whole.sampleRate;
  const highEnvelope = followEnvelope(linkedMagnitude(highs), rate, ATTACK_SECONDS, RELEASE_SECONDS);
  const wholeEnvelope = followEnvelope(linkedMagnitude(whole), rate, ATTACK_SECONDS, RELEASE_SECONDS);
  const shelf = decibelsToGain(settings.shelfDb);
  const floor = decibelsToGain(-settings.maxDeEssDb);
  const gains = new Float32Array(pcmFrames(whole));
  for (let i = 0; i < gains.length; i += 1) {
    const high = highEnvelope[i] ?? 0;
    const allowed = settings.sibilanceRatio * (wholeEnvelope[i] ?? 0);
    gains[i] = shelf * (high > allowed ? Math.max(floor, allowed / high) : 1);
  }
  return gains;
}
