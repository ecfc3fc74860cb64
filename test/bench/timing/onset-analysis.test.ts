import { describe, expect, it } from 'vitest';
import { synthTap } from '../../../src/compiler/synth/tap';
import { MatchedFilter } from './matched-filter';
import { onsetFigures } from './onset-figures';
import type { MeasuredCue } from './onsets';
import { leastSquaresSlope, percentile } from './statistics';

const sampleRate = 48_000;

/** The tap placed `at` frames into silence (fractional: linear interpolation), with a little noise. */
function recordingWithTapAt(at: number, frames: number): Float32Array {
  const [tap = new Float32Array()] = synthTap(sampleRate).channels;
  const signal = new Float32Array(frames);
  const whole = Math.floor(at);
  const fraction = at - whole;
  tap.forEach((sample, index) => {
    signal[whole + index] = (signal[whole + index] ?? 0) + sample * (1 - fraction);
    signal[whole + index + 1] = (signal[whole + index + 1] ?? 0) + sample * fraction;
  });
  for (let index = 0; index < frames; index += 1) signal[index] = (signal[index] ?? 0) + 1e-4 * Math.sin(index * 12.9898);
  return signal;
}

const cue = (at: number, errorMs: number | null): MeasuredCue => ({ at, sound: 'tap', pan: -1, score: 1, errorMs });

describe('the matched filter', () => {
  it('finds a cue a fraction of a sample away from where it was expected', () => {
    const [template = new Float32Array()] = synthTap(sampleRate).channels;
    const filter = new MatchedFilter(template);
    const match = filter.find(recordingWithTapAt(30_000.37, 60_000), 29_500, 4800);
    expect(match?.score).toBeGreaterThan(0.99);
    expect(match?.atEdge).toBe(false);
    expect(Math.abs((match?.frame ?? 0) - 30_000.37)).toBeLessThan(0.1);
  });

  it('reports a peak on the edge of the window when the cue lies outside it', () => {
    const [template = new Float32Array()] = synthTap(sampleRate).channels;
    const match = new MatchedFilter(template).find(recordingWithTapAt(40_000, 60_000), 30_000, 2000);
    expect(match?.atEdge || (match?.score ?? 0) < 0.3).toBe(true);
  });
});

describe('onset figures', () => {
  it('count a lasting jump as a step and a single cue off as an outlier', () => {
    const figures = onsetFigures([cue(0, 0), cue(1, 0), cue(2, 3.8), cue(3, 0), cue(4, 70), cue(5, 70), cue(100, 20), cue(101, 20)]);
    expect(figures.outliers).toEqual({ count: 1, maxMs: 3.8 });
    expect(figures.steps).toEqual({ count: 1, totalMs: 70 });
    expect(figures.stepsAfterLongGap).toEqual({ count: 1, totalMs: -50 });
    expect(figures.maxBetweenStepsMs).toBe(0);
    expect(figures.maxMs).toBe(70);
  });

  it('leave cues that were not found out of the errors but in the planned count', () => {
    const figures = onsetFigures([cue(0, 0), cue(1, null), cue(2, 0.5)]);
    expect(figures).toMatchObject({ planned: 3, matched: 2, maxMs: 0.5, lastMinusFirstMs: 0.5 });
  });
});

describe('statistics', () => {
  it('take nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });

  it('fit the slope of a line', () => {
    expect(leastSquaresSlope([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toBeCloseTo(2);
  });
});
