import { rmSync } from 'node:fs';
import type { CueSound } from '../../../src/engine/timeline';
import type { MatchedFilter } from './matched-filter';
import { meetsTargets, onsetFigures, type OnsetFigures } from './onset-figures';
import { measureOnsets } from './onsets';
import { pageFigures, type PageFigures } from './page-figures';
import type { PlannedCue } from './planned-cues';
import { readRecording } from './recorded-audio';
import type { SessionCapture } from './session-run';

export interface RunResult {
  readonly engine: string;
  readonly session: string;
  readonly condition: string;
  /** The plan's real length. */
  readonly minutes: number;
  readonly finalState: string;
  /** For hidden runs: whether every reading while it played said `hidden`. */
  readonly hiddenThroughout: boolean | null;
  readonly onsets: OnsetFigures;
  /** `null` when the run failed before the page could be read. */
  readonly page: PageFigures | null;
  readonly meetsTargets: boolean;
  /** Set when the run could not be made at all. */
  readonly error?: string;
}

export interface RunToAnalyze {
  readonly engine: string;
  readonly session: string;
  readonly condition: string;
  readonly minutes: number;
  readonly cues: readonly PlannedCue[];
  readonly capture: SessionCapture;
}

/** Finds the cues in one run's recording and sums the run up; the recording is deleted unless kept. */
export function analyzeRun(run: RunToAnalyze, filters: ReadonlyMap<CueSound, MatchedFilter>, keepRecording: boolean): RunResult {
  const { capture } = run;
  const guess = planZeroGuessSeconds(capture);
  const measured = measureOnsets(readRecording(capture.recording.path), run.cues, filters, guess);
  if (!keepRecording) rmSync(capture.recording.path, { force: true });
  const onsets = onsetFigures(measured.cues);
  return {
    engine: run.engine,
    session: run.session,
    condition: run.condition,
    minutes: run.minutes,
    finalState: capture.finalState,
    hiddenThroughout: capture.visibility.length > 0 ? capture.visibility.every((state) => state === 'hidden') : null,
    onsets,
    page: pageFigures(capture, measured.planZeroSeconds),
    meetsTargets: capture.finalState === 'ended' && meetsTargets(onsets, run.minutes),
  };
}

/**
 * Where the page's own clocks put plan position 0 in the recording: the click's wall time, plus
 * the start delay, plus the reported output latency. Only a starting point for the first cue's
 * wide search; the alignment itself comes from the recording.
 */
function planZeroGuessSeconds(capture: SessionCapture): number {
  const { probe, clock, recording, clickEpochMs } = capture;
  const first = probe.starts[0];
  if (!first || !probe.click || clickEpochMs === null) return 0;
  const startEpochMs = probe.click.timeOrigin + first.performanceNow + (first.when - first.currentTime) * 1000;
  const latencyMs = clock ? (clock.baseLatency + clock.outputLatency) * 1000 : 0;
  return (startEpochMs + latencyMs - recording.firstFrameEpochMs) / 1000;
}
