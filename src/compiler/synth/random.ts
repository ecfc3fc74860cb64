/**
 * A small seeded pseudo-random generator (mulberry32) returning values in [0, 1). The same seed
 * always gives the same sequence, so every synthesized sound is reproducible bit for bit.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform value in [low, high). */
export const randomBetween = (random: () => number, low: number, high: number): number =>
  low + (high - low) * random();

/** A uniform white-noise sample in [−1, 1). */
export const whiteNoise = (random: () => number): number => 2 * random() - 1;
