import type { MeasuredCue } from './onsets';
import { leastSquaresSlope, percentile } from './statistics';

export interface OnsetFigures {
  readonly planned: number;
  readonly matched: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Slope of the least-squares line of error against planned time. */
  readonly driftMsPerMinute: number;
  /** Error of the last matched cue minus that of the first. */
  readonly lastMinusFirstMs: number;
  /** The weakest normalized correlation among matched cues: how clean the recording was. */
  readonly minScore: number;
  /**
   * Jumps of the error between consecutive cues (more than `stepThresholdMs` ms): a glitch in the output
   * shifts every later sound by the same amount. Split by whether the two cues are more than
   * `longGapSeconds` s apart (a long silence between them, when Chromium may move a silent
   * context to a fake output) or not (a stall somewhere in the rig).
   */
  readonly steps: StepFigures;
  readonly stepsAfterLongGap: StepFigures;
  /** Single cues off by more than `stepThresholdMs` whose next cue is back on the steady level. */
  readonly outliers: { readonly count: number; readonly maxMs: number };
  /** The largest |error| of the steady cues once the steps before each are taken out: the timing between glitches. */
  readonly maxBetweenStepsMs: number;
}

export interface StepFigures {
  readonly count: number;
  /** The sum of the jumps, signed (ms). */
  readonly totalMs: number;
}

export const stepThresholdMs = 1;
export const longGapSeconds = 30;

/** The bar: onset error p99 ≤ 1 ms, max ≤ 3 ms (one render block at 48 kHz is 2.67 ms), no drift. */
export const targets = { p99Ms: 1, maxMs: 3, driftMsPerSession: 0.1 } as const;

export function onsetFigures(cues: readonly MeasuredCue[]): OnsetFigures {
  const matched = cues.flatMap((cue) => (cue.errorMs === null ? [] : [{ at: cue.at, errorMs: cue.errorMs, score: cue.score }]));
  const magnitudes = matched.map(({ errorMs }) => Math.abs(errorMs));
  const first = matched[0];
  const last = matched.at(-1);
  return {
    planned: cues.length,
    matched: matched.length,
    p50Ms: percentile(magnitudes, 50),
    p99Ms: percentile(magnitudes, 99),
    maxMs: magnitudes.length > 0 ? Math.max(...magnitudes) : Number.NaN,
    driftMsPerMinute: leastSquaresSlope(matched.map(({ at, errorMs }) => ({ x: at / 60, y: errorMs }))),
    lastMinusFirstMs: first && last ? last.errorMs - first.errorMs : Number.NaN,
    minScore: matched.length > 0 ? Math.min(...matched.map(({ score }) => score)) : Number.NaN,
    ...stepsBetween(matched),
  };
}

/**
 * Walks the errors in order. A jump of more than `stepThresholdMs` from the last steady error is an
 * outlier when the next cue comes back to that level (one sound off: a detection or a single
 * sound), and a step when it does not (the output itself moved, and every later sound with it).
 */
function stepsBetween(matched: readonly { readonly at: number; readonly errorMs: number }[]): Pick<OnsetFigures, 'steps' | 'stepsAfterLongGap' | 'outliers' | 'maxBetweenStepsMs'> {
  const steps = { count: 0, totalMs: 0 };
  const stepsAfterLongGap = { count: 0, totalMs: 0 };
  const outliers = { count: 0, maxMs: 0 };
  let maxBetweenStepsMs = 0;
  let steady = matched[0];
  matched.forEach((cue, index) => {
    if (!steady) return;
    const jump = cue.errorMs - steady.errorMs;
    const next = matched[index + 1];
    if (Math.abs(jump) > stepThresholdMs) {
      if (next && Math.abs(next.errorMs - steady.errorMs) <= stepThresholdMs) {
        outliers.count += 1;
        outliers.maxMs = Math.max(outliers.maxMs, Math.abs(jump));
        return;
      }
      const tally = cue.at - steady.at > longGapSeconds ? stepsAfterLongGap : steps;
      tally.count += 1;
      tally.totalMs += jump;
    }
    steady = cue;
    maxBetweenStepsMs = Math.max(maxBetweenStepsMs, Math.abs(cue.errorMs - steps.totalMs - stepsAfterLongGap.totalMs));
  });
  return { steps, stepsAfterLongGap, outliers, maxBetweenStepsMs: matched.length > 0 ? maxBetweenStepsMs : Number.NaN };
}

/** Whether a run meets the bar; `minutes` turns the drift slope into the drift over the session. */
export function meetsTargets(figures: OnsetFigures, minutes: number): boolean {
  return (
    figures.matched === figures.planned &&
    figures.p99Ms <= targets.p99Ms &&
    figures.maxMs <= targets.maxMs &&
    Math.abs(figures.driftMsPerMinute * minutes) <= targets.driftMsPerSession &&
    Math.abs(figures.lastMinusFirstMs) <= targets.driftMsPerSession
  );
}
