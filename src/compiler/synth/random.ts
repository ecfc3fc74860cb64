/** A uniform value in [low, high). */
export const randomBetween = (random: () => number, low: number, high: number): number =>
  low + (high - low) * random();

/** A uniform white-noise sample in [−1, 1). */
export const whiteNoise = (random: () => number): number => 2 * random() - 1;
