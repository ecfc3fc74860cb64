import { describe, expect, it } from 'vitest';
import { loopWander, type AmbienceStream } from '../../../src/compiler/synth/ambience-stream';
import { createRandom } from '../../../src/engine/seeded-random';

const stream: AmbienceStream = { sampleRate: 1000, loopFrames: 60_000, frames: 61_000, random: createRandom(5) };

describe('loopWander', () => {
  const wander = loopWander(stream, 5);
  const values = Array.from({ length: 60_000 }, (_, frame) => wander(frame));

  it('stays within −1 and 1 and comes back to where it began at the loop', () => {
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-1);
    expect(wander(60_000)).toBeCloseTo(wander(0), 12);
    expect(wander(61_234)).toBeCloseTo(wander(1234), 12);
  });

  it('moves smoothly: no step between frames larger than a knot’s cosine allows', () => {
    const steepest = Math.max(...values.slice(1).map((value, index) => Math.abs(value - (values[index] ?? value))));
    expect(steepest).toBeLessThan((2 * Math.PI) / (2 * 5000) + 1e-9);
  });

  it('has no period shorter than the loop: one knot later it is not where it was', () => {
    for (const lag of [5000, 10_000, 15_000, 20_000, 30_000]) {
      const same = values.slice(0, 60_000 - lag).every((value, index) => Math.abs(value - (values[index + lag] ?? 0)) < 0.05);
      expect(same, `lag ${String(lag)}`).toBe(false);
    }
  });
});
