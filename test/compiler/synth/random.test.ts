import { describe, expect, it } from 'vitest';
import { randomBetween } from '../../../src/compiler/synth/random';
import { createRandom } from '../../../src/engine/seeded-random';

const draw = (random: () => number, count: number): number[] => Array.from({ length: count }, () => random());

describe('createRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(createRandom(42), 1000)).toEqual(draw(createRandom(42), 1000));
  });

  it('gives a different sequence for a different seed', () => {
    expect(draw(createRandom(42), 10)).not.toEqual(draw(createRandom(43), 10));
  });

  it('returns values in [0, 1) spread evenly across the range', () => {
    const values = draw(createRandom(7), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const lowestTenth = values.filter((value) => value < 0.1).length / values.length;
    expect(lowestTenth).toBeCloseTo(0.1, 1);
  });

  it('maps draws into the requested range with randomBetween', () => {
    const random = createRandom(3);
    const values = Array.from({ length: 1000 }, () => randomBetween(random, -2, 5));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...values)).toBeLessThan(5);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(6.9);
  });
});
