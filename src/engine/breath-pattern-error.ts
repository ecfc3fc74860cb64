import { breathPhaseLimits, phaseOutOfLimits } from './breath-patterns';
import type { BreathPattern } from './script-model';
import type { BreathPhase } from './timeline';

const phaseWords: Readonly<Record<BreathPhase, string>> = { inhale: 'breathing in', hold: 'the hold', exhale: 'breathing out', rest: 'the rest' };

/** Every way a breathing pattern can be refused, each with the sentence a person reads. */
const messages = {
  'phase-out-of-range': (phase: BreathPhase) => {
    const { min, max } = breathPhaseLimits[phase];
    return `This breathing pattern cannot be played: ${phaseWords[phase]} must last ${String(min)} to ${String(max)} seconds.`;
  },
} as const;

export type BreathPatternErrorCode = keyof typeof messages;

/** A pattern the engine will not plan: it would make a breath too short to follow, or no breath at all. */
export class BreathPatternError extends Error {
  override name = 'BreathPatternError';

  constructor(
    readonly code: BreathPatternErrorCode,
    readonly phase: BreathPhase,
  ) {
    super(messages[code](phase));
  }
}

/** Refuses a pattern with a phase outside `breathPhaseLimits`, so planning it always ends. */
export function assertPlayablePattern(pattern: BreathPattern): void {
  const phase = phaseOutOfLimits(pattern);
  if (phase !== undefined) throw new BreathPatternError('phase-out-of-range', phase);
}
