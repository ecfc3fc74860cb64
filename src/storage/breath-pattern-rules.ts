import { breathPhaseLimits, phaseAllowed } from '../engine/breath-patterns';
import type { BreathPhase } from '../engine/timeline';
import { accepted, id, record, scalar, type Rule } from './read-rules';
import type { CustomBreathPattern, EpochMilliseconds } from './schema';
import { repairedTime, timeRule } from './time-rules';

/** What a pattern of the person's own may be: the form, imports and stored values all follow these. */
export const breathPatternLimits = {
  /** Characters as a person counts them ("🌙" is one), after trimming. */
  name: 40,
  /** How many patterns of their own a person can keep. */
  count: 1000,
  seconds: breathPhaseLimits,
} as const;

/** The name a stored pattern shows when its own is blank. */
const unnamedPattern = 'Unnamed pattern';

const graphemes = (text: string): string[] => [...new Intl.Segmenter().segment(text)].map((part) => part.segment);

/** A name's length as a person counts it, spacing at either end aside. */
export function patternNameLength(name: string): number {
  return graphemes(name.trim()).length;
}

export function isPatternName(name: unknown): name is string {
  if (typeof name !== 'string') return false;
  const length = patternNameLength(name);
  return length >= 1 && length <= breathPatternLimits.name;
}

const isPhase = (phase: BreathPhase, seconds: unknown): seconds is number => typeof seconds === 'number' && phaseAllowed(phase, seconds);

const phaseRule = (phase: BreathPhase): Rule<number> =>
  scalar(`a number of seconds from ${String(breathPhaseLimits[phase].min)} to ${String(breathPhaseLimits[phase].max)}`, (seconds): seconds is number => isPhase(phase, seconds));

/** A pattern in a backup: a name of 1 to 40 characters and every phase within the engine's limits. */
export function breathPatternRule(now: EpochMilliseconds): Rule<CustomBreathPattern> {
  return record('a breathing pattern', {
    id,
    name: scalar(`a name of 1 to ${String(breathPatternLimits.name)} characters`, isPatternName),
    inhale: phaseRule('inhale'),
    hold: phaseRule('hold'),
    exhale: phaseRule('exhale'),
    rest: phaseRule('rest'),
    createdAt: timeRule(now),
  });
}

/**
 * A stored pattern as the app may use it: unchanged when it keeps the rules; a blank or too
 * long name repaired; left out (undefined) when a phase is outside the limits, since any other
 * length would be a different pattern from the one the person made.
 */
export function readStoredPattern(value: unknown, now: EpochMilliseconds): CustomBreathPattern | undefined {
  const valid = accepted(breathPatternRule(now), value);
  if (valid) return valid;
  if (typeof value !== 'object' || value === null) return undefined;
  // Each field is checked below before it is used.
  const stored = value as Partial<Record<keyof CustomBreathPattern, unknown>>;
  const patternId = accepted(id, stored.id);
  const { inhale, hold, exhale, rest } = stored;
  if (patternId === undefined || !isPhase('inhale', inhale) || !isPhase('hold', hold) || !isPhase('exhale', exhale) || !isPhase('rest', rest)) return undefined;
  const name = typeof stored.name === 'string' ? graphemes(stored.name.trim()).slice(0, breathPatternLimits.name).join('') : '';
  return { id: patternId, name: name === '' ? unnamedPattern : name, inhale, hold, exhale, rest, createdAt: repairedTime(stored.createdAt, now) };
}
