import type { SessionPlan } from '../../engine/timeline';
import type { Seconds } from '../../engine/units';
import { momentAt } from '../../services/session-moment';
import { phaseSecondsLeft } from '../pacer/pacer-format';

/**
 * What a playing screen shows at a position, as a list of values: the screen redraws on an
 * animation frame only when one of them changed (compared one by one with `===`), not on every
 * frame. The breathing shape is not among them: the browser animates it between redraws.
 */
export type ShownMoment = readonly unknown[];

/** The session screen: the clock's second, the step, the caption, the prompts, the tap side and the breath phase. */
export function sessionMoment(plan: SessionPlan, position: Seconds): ShownMoment {
  const moment = momentAt(plan, position);
  const { breath } = moment;
  return [
    Math.floor(position),
    moment.step,
    moment.caption,
    moment.prompt,
    moment.writingPrompt,
    moment.fallbackPlays,
    moment.tap?.index,
    breath?.phase,
  ];
}

/** The pacer: the clock's second, the phase, its seconds left and (reduced motion) the bar. */
export function pacerMoment(plan: SessionPlan, position: Seconds, still: boolean): ShownMoment {
  const { breath } = momentAt(plan, position);
  return [Math.floor(position), breath?.phase, breath ? phaseSecondsLeft(breath.remaining) : undefined, still && breath ? Math.round(breath.progress * 500) : undefined];
}

export function sameMoment(a: ShownMoment | undefined, b: ShownMoment): boolean {
  return a !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);
}
