import type { CueSound } from '../../../src/engine/timeline';
import type { MatchedFilter, OnsetMatch } from './matched-filter';
import type { PlannedCue } from './planned-cues';
import { outputSampleRate } from './pulse-server';
import { channelFor, type RecordedAudio } from './recorded-audio';

export interface MeasuredCue extends PlannedCue {
  /** Normalized correlation at the best match in the window (0 when there was nothing to search). */
  readonly score: number;
  /** Detected − planned after alignment, in ms; `null` when the cue was not found in its window. */
  readonly errorMs: number | null;
}

export interface OnsetMeasurement {
  readonly cues: readonly MeasuredCue[];
  /** Where plan position 0 falls in the recording (seconds), from the first cue; undefined if it was not found. */
  readonly planZeroSeconds: number | undefined;
}

/** Each cue is searched this far either side of where it is expected. */
export const searchRadiusSeconds = 0.1;
/** A cue not found there is searched this far either side (less than a same-channel tap interval of 2 s). */
export const wideRadiusSeconds = 1;
/** The first cue is searched this far either side of the page's own estimate of it. */
const firstCueRadiusSeconds = 3;
/** Below this normalized correlation a window holds no copy of the cue. */
export const matchThreshold = 0.3;

/**
 * Finds every planned cue in the recording. The first cue found fixes the alignment (the output
 * latency and the moment recording began are one constant). Each later cue is expected at its
 * planned time + that constant + the error of the cue before it (a glitch in the output delays
 * everything after it, and the search follows), searched ±100 ms there, then ±1 s; its error is
 * always detected − (planned + constant).
 */
export function measureOnsets(audio: RecordedAudio, cues: readonly PlannedCue[], filters: ReadonlyMap<CueSound, MatchedFilter>, planZeroGuessSeconds: number): OnsetMeasurement {
  const find = (cue: PlannedCue, centreSeconds: number, radiusSeconds: number): OnsetMatch | undefined => {
    const match = filters.get(cue.sound)?.find(channelFor(audio, cue.pan), centreSeconds * outputSampleRate, Math.round(radiusSeconds * outputSampleRate));
    return match && match.score >= matchThreshold && !match.atEdge ? match : undefined;
  };
  const [first] = cues;
  const anchor = first && find(first, planZeroGuessSeconds + first.at, firstCueRadiusSeconds);
  if (!first || !anchor) return { cues: cues.map((cue) => ({ ...cue, score: 0, errorMs: null })), planZeroSeconds: undefined };
  const planZeroSeconds = anchor.frame / outputSampleRate - first.at;
  let lateness = 0;
  const measured = cues.map((cue): MeasuredCue => {
    const expected = planZeroSeconds + cue.at;
    const match = find(cue, expected + lateness, searchRadiusSeconds) ?? find(cue, expected + lateness, wideRadiusSeconds);
    if (!match) return { ...cue, score: 0, errorMs: null };
    lateness = match.frame / outputSampleRate - expected;
    return { ...cue, score: match.score, errorMs: lateness * 1000 };
  });
  return { cues: measured, planZeroSeconds };
}
