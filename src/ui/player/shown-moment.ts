import type { SessionPlan } from '../../engine/timeline';
import type { Seconds } from '../../engine/units';
import { momentAt } from '../../services/session-moment';
import { breathRadius, calmRadius, steadyRadius } from './breath-shape';
import { phaseSecondsLeft } from '../pacer/pacer-format';

/**
 * What a playing screen shows at a position, as a list of values: the screen redraws on an
 * animation frame only when one of them changed (compared one by one with `===`), not on every
 * frame. The breathing shape's radius is kept to a tenth of a unit of its 64-unit box (a third
 * of a pixel at its usual size), so it still moves smoothly with the audio clock.
 */
export type ShownMoment = readonly unknown[];

const radiusStep = (radius: number): number => Math.round(radius * 10);

/** The session screen: the clock's second, the step, the caption, the prompts, the tap side and the shape. */
export function sessionMoment(plan: SessionPlan, position: Seconds, still: boolean): ShownMoment {
  const moment = momentAt(plan, position);
  const { breath } = moment;
  const radius = still ? steadyRadius : breath ? breathRadius(breath.phase, breath.progress) : calmRadius(position);
  return [
    Math.floor(position),
    moment.step,
    moment.caption,
    moment.prompt,
    moment.writingPrompt,
    moment.fallbackPlays,
    moment.tap?.index,
    breath?.phase,
    radiusStep(radius),
  ];
}

/** The pacer: the clock's second, the phase, its seconds left, the shape and (reduced motion) the bar. */
export function pacerMoment(plan: SessionPlan, position: Seconds, still: boolean): ShownMoment {
  const { breath } = momentAt(plan, position);
  return [
    Math.floor(position),
    breath?.phase,
    breath ? phaseSecondsLeft(breath.remaining) : undefined,
    still ? undefined : radiusStep(breath ? breathRadius(breath.phase, breath.progress) : 12),
    still && breath ? Math.round(breath.progress * 500) : undefined,
  ];
}

export function sameMoment(a: ShownMoment | undefined, b: ShownMoment): boolean {
  return a !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);
}
