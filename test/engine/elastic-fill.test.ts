import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillElastic, type Stretchable } from '../../src/engine/elastic-fill';

const continuous = (min: number, max: number, weight = 1): Stretchable => ({ min, max, weight, quantum: 0 });

describe('fillElastic', () => {
  it('shares extra time by weight', () => {
    expect(fillElastic([continuous(0, 100, 1), continuous(0, 100, 3)], 40)).toEqual([10, 30]);
  });

  it('gives what one item cannot take to the others', () => {
    expect(fillElastic([continuous(0, 5), continuous(0, 100)], 40)).toEqual([5, 35]);
  });

  it('grows quantized items in whole quanta and fills the rest continuously', () => {
    const [breath, pause] = fillElastic([{ min: 10, max: 100, weight: 1, quantum: 10 }, continuous(0, 50)], 33);
    expect(((breath ?? 0) - 10) % 10).toBe(0);
    expect((breath ?? 0) + (pause ?? 0)).toBeCloseTo(43, 9);
  });

  it('rounds a quantized item up when the continuous ones are full, giving back the overshoot', () => {
    const durations = fillElastic([continuous(2, 20), { min: 60, max: 1080, weight: 1, quantum: 10 }, continuous(3, 30, 0.5), continuous(3, 30, 0.5)], 150);
    expect(durations.reduce((sum, value) => sum + value, 0)).toBeCloseTo(218, 9);
    expect(((durations[1] ?? 0) - 60) % 10).toBe(0);
  });

  it('places exactly the available time whenever it fits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2000 }),
        (specs, available) => {
          const items = specs.map(([min, extra, weight]) => continuous(min, min + extra, weight));
          const durations = fillElastic(items, available);
          const capacity = specs.reduce((sum, [, extra]) => sum + extra, 0);
          const placed = durations.reduce((sum, value, index) => sum + value - (items[index]?.min ?? 0), 0);
          expect(placed).toBeCloseTo(Math.min(available, capacity), 6);
          durations.forEach((value, index) => {
            expect(value).toBeGreaterThanOrEqual((items[index]?.min ?? 0) - 1e-9);
            expect(value).toBeLessThanOrEqual((items[index]?.max ?? 0) + 1e-9);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
