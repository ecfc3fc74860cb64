import type { BreathPattern } from './script-model';
import type { BreathPhase } from './timeline';
import type { Seconds } from './units';

/** The pacer's built-in patterns, by the names scripts and deep links use. */
export const breathPresets: Readonly<Record<string, BreathPattern>> = {
  'long-exhale': { inhale: 4, hold: 0, exhale: 6, rest: 0 },
  box: { inhale: 4, hold: 4, exhale: 4, rest: 4 },
  '4-7-8': { inhale: 4, hold: 7, exhale: 8, rest: 0 },
  resonance: { inhale: 5.5, hold: 0, exhale: 5.5, rest: 0 },
};

/**
 * How long each phase of any pattern may last, whatever its source: a script, the pattern form,
 * a backup or a stored value. Breathing in and out take at least a second; hold and rest may be none.
 */
export const breathPhaseLimits = {
  inhale: { min: 1, max: 60 },
  hold: { min: 0, max: 60 },
  exhale: { min: 1, max: 60 },
  rest: { min: 0, max: 60 },
} as const satisfies Readonly<Record<BreathPhase, { readonly min: Seconds; readonly max: Seconds }>>;

const breathPhases = ['inhale', 'hold', 'exhale', 'rest'] as const satisfies readonly BreathPhase[];

/** Whether `seconds` is a length the phase may have: a finite number within its limits. */
export function phaseAllowed(phase: BreathPhase, seconds: Seconds): boolean {
  const { min, max } = breathPhaseLimits[phase];
  return Number.isFinite(seconds) && seconds >= min && seconds <= max;
}

/** The first phase of `pattern` outside its limits, if any. */
export function phaseOutOfLimits(pattern: BreathPattern): BreathPhase | undefined {
  return breathPhases.find((phase) => !phaseAllowed(phase, pattern[phase]));
}

export const cycleSeconds = (pattern: BreathPattern): Seconds =>
  pattern.inhale + pattern.hold + pattern.exhale + pattern.rest;
