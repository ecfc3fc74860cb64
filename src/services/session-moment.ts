import type { Caption, SessionPlan, TimelineEvent } from '../engine/timeline';
import { type BreathNow, breathAt, captionAt, fallbackPlaysAt, promptAt, stepIndexAt, tapAt, writingPromptAt } from '../engine/timeline-queries';
import type { Seconds } from '../engine/units';

export type PromptEvent = Extract<TimelineEvent, { kind: 'prompt' }>;

/** What a session is doing at one moment of its plan, as a screen shows it: read once per frame. */
export interface SessionMoment {
  readonly position: Seconds;
  readonly caption: Caption | undefined;
  /** The question on screen, if any. */
  readonly prompt: PromptEvent | undefined;
  /** The question whose answer is being written, if any (journal or letter). */
  readonly writingPrompt: PromptEvent | undefined;
  /** Which of the plan's steps plays (0-based). */
  readonly step: number;
  readonly breath: BreathNow | undefined;
  readonly tap: { readonly index: number; readonly side: 'left' | 'right' } | undefined;
  /** The narrator speaks a line standing in for a recording not made yet. */
  readonly fallbackPlays: boolean;
}

export function momentAt(plan: SessionPlan, position: Seconds): SessionMoment {
  return {
    position,
    caption: captionAt(plan, position),
    prompt: promptAt(plan, position),
    writingPrompt: writingPromptAt(plan, position),
    step: stepIndexAt(plan, position),
    breath: breathAt(plan, position),
    tap: tapAt(plan, position),
    fallbackPlays: fallbackPlaysAt(plan, position),
  };
}

/** When a screen of the plan can change, and the next such time: a playing screen looks only then. */
export { changeTimes, nextTimeAfter } from '../engine/timeline-queries';
