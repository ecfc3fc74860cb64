import { describe, expect, it } from 'vitest';
import { takeGainDb, takeGainLimits, takeShape } from '../../src/engine/take-shape';

const rate = 24_000;
/** Silence, then a tone at `amplitude` from `from` to `to` seconds, then silence, over `length` seconds, with faint room noise. */
function take(length: number, from: number, to: number, amplitude: number): Float32Array {
  const samples = new Float32Array(Math.round(length * rate));
  let seed = 7;
  for (let index = 0; index < samples.length; index += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const noise = (seed / 2147483648 - 0.5) * 0.002;
    const t = index / rate;
    samples[index] = noise + (t >= from && t < to ? amplitude * Math.sin(2 * Math.PI * 220 * t) : 0);
  }
  return samples;
}

describe('the shape of a take', () => {
  it('finds the speech between the silences, with a little room either side', () => {
    const shape = takeShape(take(4, 1.0, 2.5, 0.3), rate);
    expect(shape?.start).toBeGreaterThan(0.85);
    expect(shape?.start).toBeLessThanOrEqual(1.0);
    expect(shape?.end).toBeGreaterThanOrEqual(2.5);
    expect(shape?.end).toBeLessThan(2.8);
  });

  it('measures the speech level, not the silence around it', () => {
    const short = takeShape(take(4, 1, 2, 0.3), rate);
    const long = takeShape(take(12, 1, 2, 0.3), rate);
    // A sine of amplitude 0.3 has a mean power of 0.045: -13.5 dB.
    expect(short?.levelDb).toBeCloseTo(-13.5, 0);
    expect(long?.levelDb).toBeCloseTo(short?.levelDb ?? 0, 1);
  });

  it('hears nothing in silence or room noise alone', () => {
    expect(takeShape(new Float32Array(rate * 2), rate)).toBeUndefined();
    expect(takeShape(take(2, 0, 0, 0), rate)).toBeUndefined();
  });

  it('brings a quiet or loud take to the narration’s level, within limits', () => {
    const quiet = takeShape(take(3, 0.5, 2, 0.03), rate);
    if (!quiet) throw new Error('no speech found');
    expect(quiet.levelDb + takeGainDb(quiet, -24)).toBeCloseTo(-24, 6);
    expect(takeGainDb({ levelDb: -80 }, -24)).toBe(takeGainLimits.maxDb);
    expect(takeGainDb({ levelDb: 0 }, -24)).toBe(takeGainLimits.minDb);
  });
});
