import type { AmbienceKind } from './script-model';
import { createRandom } from './seeded-random';
import type { Seconds } from './units';

/** How the separate sounds of one ambience (waves, birds, crackles, drops) are scattered over its bed. */
export interface EventScatter {
  /** How many different recordings of the sound there are; the compiler renders exactly this many. */
  readonly variants: number;
  /** The average number of events per minute. */
  readonly perMinute: number;
  /** Two events never start closer together than this. */
  readonly minGap: Seconds;
  /**
   * `steady`: gaps spread evenly around the average (waves come and go); `sparse`: gaps of a
   * random process, mostly short with now and then a long quiet (birds, crackles, drops).
   */
  readonly spacing: 'steady' | 'sparse';
  /** The longest variant: an event starts only where it ends before its ambience does. */
  readonly longest: Seconds;
  /** Events sit anywhere from this far left to this far right. */
  readonly panSpread: number;
  /** Each event is up to this many decibels quieter than the loudest. */
  readonly levelSpreadDb: number;
}

/** The events each ambience has; brown noise is a bed alone. */
export const ambienceScatter: Readonly<Record<AmbienceKind, EventScatter | undefined>> = {
  beach: { variants: 4, perMinute: 6, minGap: 6, spacing: 'steady', longest: 9, panSpread: 0.5, levelSpreadDb: 4 },
  forest: { variants: 6, perMinute: 5, minGap: 2.5, spacing: 'sparse', longest: 1.6, panSpread: 0.8, levelSpreadDb: 8 },
  room: { variants: 4, perMinute: 9, minGap: 2, spacing: 'sparse', longest: 3, panSpread: 0.4, levelSpreadDb: 6 },
  rain: { variants: 5, perMinute: 8, minGap: 1.5, spacing: 'sparse', longest: 1.2, panSpread: 0.8, levelSpreadDb: 6 },
  'brown-noise': undefined,
};

export interface ScatteredEvent {
  readonly at: Seconds;
  /** Which recording, from 0; never the same one twice in a row. */
  readonly variant: number;
  readonly pan: number;
  /** A gain from 0 to 1 on top of the ambience's volume. */
  readonly level: number;
}

/** A sparse gap is never longer than this many average gaps, so the sound never seems to have stopped. */
const longestSparseGap = 4;

/**
 * Seeded times for an ambience's events between `from` and `until`: the same seed always gives
 * the same events. Gaps vary around the kind's density, so the events never fall into a period
 * a person could hear repeating; every event ends by `until`.
 */
export function scatterEvents(scatter: EventScatter, seed: number, from: Seconds, until: Seconds): ScatteredEvent[] {
  const random = createRandom(seed);
  const meanGap = 60 / scatter.perMinute;
  const gap = (): Seconds => {
    const share = scatter.spacing === 'steady' ? 2 * random() : Math.min(longestSparseGap, -Math.log(1 - random()));
    return scatter.minGap + (meanGap - scatter.minGap) * share;
  };
  const events: ScatteredEvent[] = [];
  let previous = -1;
  for (let at = from + meanGap * random(); at + scatter.longest <= until; at += gap()) {
    const variant = pickVariant(random, scatter.variants, previous);
    previous = variant;
    const pan = scatter.panSpread * (2 * random() - 1);
    const level = 10 ** ((-scatter.levelSpreadDb * random()) / 20);
    events.push({ at, variant, pan, level });
  }
  return events;
}

/** A variant other than the one before (when there is more than one). */
function pickVariant(random: () => number, variants: number, previous: number): number {
  if (variants <= 1 || previous < 0) return Math.floor(random() * variants);
  const pick = Math.floor(random() * (variants - 1));
  return pick >= previous ? pick + 1 : pick;
}

export interface LevelDrift {
  readonly at: Seconds;
  /** The gain the bed glides to, from `at` over `glide` seconds: 0 to −3 dB. */
  readonly gain: number;
  readonly glide: Seconds;
}

/** The bed's level drifts by up to this much, in glides of these lengths. */
export const bedDrift = { depthDb: 3, shortest: 8, longest: 21 } as const;

/**
 * A seeded, never-repeating slow drift of a bed's level between `from` and `until`: one glide after
 * another, each to a new gain, so the bed's own swells never line up with its loop twice.
 */
export function driftLevels(seed: number, from: Seconds, until: Seconds): LevelDrift[] {
  const random = createRandom(seed);
  const drifts: LevelDrift[] = [];
  for (let at = from; ; ) {
    const glide = bedDrift.shortest + (bedDrift.longest - bedDrift.shortest) * random();
    if (at + glide > until) return drifts;
    drifts.push({ at, gain: 10 ** ((-bedDrift.depthDb * random()) / 20), glide });
    at += glide;
  }
}
