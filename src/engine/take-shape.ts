import type { Seconds } from './units';

/** Where the speech in a take lies, and how loud it is: what the player needs to trim it and match it to the narration. */
export interface TakeShape {
  /** Where the speech starts and ends in the recording, with a little room either side. */
  readonly start: Seconds;
  readonly end: Seconds;
  /** The mean power of the speech, in dB below full scale. */
  readonly levelDb: number;
}

const frameSeconds = 0.02;
/** Frames this far under the loudest frame (or under the floor) count as silence: room tone, breath, the click of a button. */
const belowPeakDb = 35;
const floorDb = -60;
/** Room kept before the first word and after the last, so nothing is clipped. */
const leadIn: Seconds = 0.08;
const tail: Seconds = 0.2;
/** A gain the player never goes beyond, whatever the levels: a whisper is not pumped up into noise. */
export const takeGainLimits = { minDb: -12, maxDb: 18 } as const;

const decibels = (power: number) => 10 * Math.log10(power + 1e-12);

/**
 * Finds the speech in mono samples: the first and last 20 ms frame above the silence threshold,
 * and the mean power of the frames above it. Undefined when nothing in it is louder than silence.
 */
export function takeShape(samples: Float32Array, sampleRate: number): TakeShape | undefined {
  const frame = Math.max(1, Math.round(frameSeconds * sampleRate));
  const powers: number[] = [];
  for (let start = 0; start < samples.length; start += frame) {
    const end = Math.min(samples.length, start + frame);
    let sum = 0;
    for (let index = start; index < end; index += 1) sum += (samples[index] ?? 0) ** 2;
    powers.push(sum / (end - start));
  }
  const peakDb = decibels(Math.max(0, ...powers));
  const threshold = Math.max(peakDb - belowPeakDb, floorDb);
  if (peakDb <= floorDb) return undefined;
  const loud = powers.flatMap((power, index) => (decibels(power) > threshold ? [index] : []));
  const first = loud[0];
  const last = loud.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const duration = samples.length / sampleRate;
  const speechPower = loud.reduce((sum, index) => sum + (powers[index] ?? 0), 0) / loud.length;
  return {
    start: Math.max(0, (first * frame) / sampleRate - leadIn),
    end: Math.min(duration, ((last + 1) * frame) / sampleRate + tail),
    levelDb: decibels(speechPower),
  };
}

/** The gain, in dB, that brings a take's speech to the narration's level, within the limits. */
export function takeGainDb(take: Pick<TakeShape, 'levelDb'>, narrationLevelDb: number): number {
  return Math.min(takeGainLimits.maxDb, Math.max(takeGainLimits.minDb, narrationLevelDb - take.levelDb));
}
