import { defaultPlaybackOptions } from '../../../src/engine/playback-engine';
import type { ClockSample } from './page-probe';
import type { SessionCapture } from './session-run';

export interface PageFigures {
  /** Click → first sound at the sink, from the recording (upper bound by a few ms, see `Recording`). */
  readonly tapToSoundRecordedMs: number | null;
  /** Click → first sound as the browser predicts it (`getOutputTimestamp`). */
  readonly tapToSoundBrowserMs: number | null;
  /** The audio clock's reading → the sound at the sink, from the recording. */
  readonly outputLatencyRecordedMs: number | null;
  /**
   * Time the output lost between the first and the closing clock reading: wall time minus audio
   * time between two `getOutputTimestamp()` readings. Above a few ms the output glitched (an
   * underrun in the rig), which delays every later sound by as much.
   */
  readonly outputLostMs: number | null;
  readonly promotedAudioThreads: number;
  /** `baseLatency + outputLatency`, as the AudioContext reports them. */
  readonly outputLatencyReportedMs: number | null;
  /** Click → the first `start()` call (the click handler, and resuming the AudioContext if it was suspended). */
  readonly clickToScheduleMs: number | null;
  /** How far ahead of its time the first sound was handed to the audio clock (the player's start delay). */
  readonly startDelayMs: number | null;
  /** `start()` calls whose time had already passed, and the engine's own count of late hand-overs. */
  readonly lateStarts: number;
  readonly engineLateEvents: number | null;
  /** The least time between a `start()` call and its sound, after the first hand-over (s). */
  readonly minLeadSeconds: number | null;
  /** The longest gap between the engine's worker ticks, and between wake-ups of a 1 s main-thread timer. */
  readonly maxTickGapMs: number;
  readonly maxTimerGapMs: number;
  readonly busyStalls: number;
  readonly decodedBytes: number;
  readonly heapUsedBytes: number | null;
  readonly heapUsedAfterGcBytes: number | null;
  readonly sampleRate: number | null;
}

/** What the page itself showed during one run, beside the onsets in the recording. */
export function pageFigures(capture: SessionCapture, planZeroSeconds: number | undefined): PageFigures {
  const { probe, clock } = capture;
  const starts = probe.starts;
  const first = starts.reduce<(typeof starts)[number] | undefined>((earliest, start) => (earliest && earliest.when <= start.when ? earliest : start), undefined);
  const anchor = first?.when;
  const planZeroEpochMs = planZeroSeconds === undefined ? undefined : capture.recording.firstFrameEpochMs + planZeroSeconds * 1000;
  const click = probe.click;
  const afterFirstHandOver = anchor === undefined ? [] : starts.filter((start) => start.when >= anchor + defaultPlaybackOptions.lookahead);
  const leads = afterFirstHandOver.map((start) => start.when - start.currentTime);
  const audioClockEpochMs = (when: number): number | undefined => (clock && click ? click.timeOrigin + clock.performanceNow + (when - clock.currentTime) * 1000 : undefined);
  const clockAtAnchor = anchor === undefined ? undefined : audioClockEpochMs(anchor);
  return {
    tapToSoundRecordedMs: planZeroEpochMs !== undefined && capture.clickEpochMs !== null ? planZeroEpochMs - capture.clickEpochMs : null,
    tapToSoundBrowserMs: clock && click && anchor !== undefined ? clock.outputPerformanceTime + (anchor - clock.outputContextTime) * 1000 - click.timeStamp : null,
    outputLatencyRecordedMs: planZeroEpochMs !== undefined && clockAtAnchor !== undefined ? planZeroEpochMs - clockAtAnchor : null,
    outputLostMs: outputLost(clock, capture.closingClock),
    promotedAudioThreads: capture.promotedAudioThreads,
    outputLatencyReportedMs: clock ? (clock.baseLatency + clock.outputLatency) * 1000 : null,
    clickToScheduleMs: first && click ? first.performanceNow - click.timeStamp : null,
    startDelayMs: first ? (first.when - first.currentTime) * 1000 : null,
    lateStarts: starts.filter((start) => start.when < start.currentTime).length,
    engineLateEvents: probe.engineLateEvents,
    minLeadSeconds: leads.length > 0 ? Math.min(...leads) : null,
    maxTickGapMs: probe.tickMaxGapMs,
    maxTimerGapMs: probe.timerMaxGapMs,
    busyStalls: probe.busyStalls,
    decodedBytes: probe.decodedBytes,
    heapUsedBytes: capture.heapUsedBytes,
    heapUsedAfterGcBytes: capture.heapUsedAfterGcBytes,
    sampleRate: clock?.sampleRate ?? null,
  };
}

function outputLost(first: ClockSample | null, last: ClockSample | null): number | null {
  if (!first || !last) return null;
  return last.outputPerformanceTime - first.outputPerformanceTime - (last.outputContextTime - first.outputContextTime) * 1000;
}
