import type { AmbienceKind, PromptWriting } from './script-model';
import type { BreathPhase, Caption, SessionPlan, TimelineEvent } from './timeline';
import type { Seconds } from './units';

/** The caption showing at `position`, if a line is being spoken. */
export function captionAt(plan: SessionPlan, position: Seconds): Caption | undefined {
  return plan.captions.findLast((caption) => caption.at <= position && position < caption.end);
}

/** Index of the step playing at `position` (the last step that has started). */
export function stepIndexAt(plan: SessionPlan, position: Seconds): number {
  return Math.max(0, plan.steps.findLastIndex((step) => step.at <= position + 1e-6));
}

/** Where a breath is: its phase, how far through it (0 to 1), and the seconds gone and left. */
export interface BreathNow {
  readonly phase: BreathPhase;
  readonly progress: number;
  readonly elapsed: Seconds;
  readonly remaining: Seconds;
}

/** The breath phase at `position`, for the pacer's shape and words. */
export function breathAt(plan: SessionPlan, position: Seconds): BreathNow | undefined {
  const event = plan.events.findLast((candidate) => candidate.kind === 'breath' && candidate.at <= position);
  if (event?.kind !== 'breath' || position >= event.at + event.duration) return undefined;
  const elapsed = position - event.at;
  return { phase: event.phase, progress: elapsed / event.duration, elapsed, remaining: event.duration - elapsed };
}

/** The reflection prompt whose quiet window is open at `position`. */
export function promptAt(plan: SessionPlan, position: Seconds): Extract<TimelineEvent, { kind: 'prompt' }> | undefined {
  const event = plan.events.findLast((candidate) => candidate.kind === 'prompt' && candidate.at <= position);
  return event?.kind === 'prompt' && position <= event.at + event.duration ? event : undefined;
}

/** The last writing prompt (journal or letter) reached by `position`: its answer stays open until the next one. */
export function writingPromptAt(plan: SessionPlan, position: Seconds): Extract<TimelineEvent, { kind: 'prompt' }> | undefined {
  const event = plan.events.findLast((candidate) => candidate.kind === 'prompt' && candidate.writing !== null && candidate.at <= position);
  return event?.kind === 'prompt' ? event : undefined;
}

/** How long a tap's side stays lit after it sounds. */
const tapGlow: Seconds = 0.35;

/** The butterfly-hug tap sounding at `position`: which one (its index) and on which side. */
export function tapAt(plan: SessionPlan, position: Seconds): { index: number; side: 'left' | 'right' } | undefined {
  const index = plan.events.findLastIndex((event) => event.kind === 'cue' && event.sound === 'tap' && event.at <= position);
  const event = plan.events[index];
  if (event?.kind !== 'cue' || position - event.at > tapGlow) return undefined;
  return { index, side: event.pan < 0 ? 'left' : 'right' };
}

/** Whether a recording step plays its fallback line at `position`: the person has no recording for it yet. */
export function fallbackPlaysAt(plan: SessionPlan, position: Seconds): boolean {
  const step = plan.steps[stepIndexAt(plan, position)];
  if (step?.kind !== 'recording') return false;
  const end = step.at + step.duration;
  return !plan.events.some((event) => event.kind === 'voice' && event.source.kind === 'recording' && event.at >= step.at && event.at < end);
}

/** Where the words a person writes in this session are kept: the journal, the letter, or both. */
export function writingPlaces(plan: SessionPlan): Exclude<PromptWriting, null>[] {
  const places = new Set<Exclude<PromptWriting, null>>();
  for (const event of plan.events) if (event.kind === 'prompt' && event.writing !== null) places.add(event.writing);
  return [...places];
}

/** The ambience a plan plays, in the order it first comes in: what must be decoded before it starts. */
export function ambienceOf(plan: SessionPlan): AmbienceKind[] {
  const kinds = new Set<AmbienceKind>();
  for (const event of plan.events) if (event.kind === 'ambience' && event.ambience) kinds.add(event.ambience);
  return [...kinds];
}

/**
 * Every time at which what a screen shows of `plan` can change: a step begins, a caption or a
 * spoken line, a breath phase or a question starts or ends, a tap sounds or its glow ends. Sorted,
 * each once. (Ambience and bells change nothing on screen.)
 */
export function changeTimes(plan: SessionPlan): Seconds[] {
  const times = new Set<Seconds>();
  for (const step of plan.steps) times.add(step.at);
  for (const caption of plan.captions) times.add(caption.at).add(caption.end);
  for (const event of plan.events) {
    if (event.kind === 'voice' || event.kind === 'breath' || event.kind === 'prompt') times.add(event.at).add(event.at + event.duration);
    else if (event.kind === 'cue' && event.sound === 'tap') times.add(event.at).add(event.at + tapGlow);
  }
  return [...times].sort((a, b) => a - b);
}

/** The first of sorted `times` after `position`, if there is one. */
export function nextTimeAfter(times: readonly Seconds[], position: Seconds): Seconds | undefined {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? Number.POSITIVE_INFINITY) > position) high = middle;
    else low = middle + 1;
  }
  return times[low];
}
