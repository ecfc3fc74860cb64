import { cycleSeconds } from './breath-patterns';
import type { BreathCue, BreathPattern, Script } from './script-model';
import type { Minutes } from './units';

export interface PacerSettings {
  readonly patternName: string;
  readonly pattern: BreathPattern;
  /** How long: minutes (rounded to whole breaths) or a number of breaths. */
  readonly length: { readonly minutes: Minutes } | { readonly cycles: number };
  readonly cue: BreathCue;
}

/** The longest pacer session, and a bell's share of it at each end. */
export const pacerLimits = { minutes: 60, cycles: 600 } as const;

/**
 * A breathing session made on the device from a pattern: a bell, the breaths, a bell. It uses
 * only the shared sounds (breath words, tones, bell), so any pattern plays without a download.
 */
export function pacerScript(settings: PacerSettings): Script {
  const at = { line: 1, column: 1 };
  const cycle = cycleSeconds(settings.pattern);
  const breaths = 'cycles' in settings.length ? Math.min(pacerLimits.cycles, Math.max(1, Math.round(settings.length.cycles))) : undefined;
  const minutes = breaths === undefined && 'minutes' in settings.length ? Math.min(pacerLimits.minutes, Math.max(cycle / 60, settings.length.minutes)) : ((breaths ?? 1) * cycle + 8) / 60;
  return {
    file: 'pacer',
    id: 'pacer',
    title: `Breathing: ${settings.patternName}`,
    description: describePattern(settings.pattern),
    practice: 'breathing',
    length: { default: minutes, min: minutes, max: minutes, at },
    steps: [
      { kind: 'bell', count: 1, at },
      {
        kind: 'breathe',
        patternName: settings.patternName,
        pattern: settings.pattern,
        cue: settings.cue,
        length: breaths === undefined ? { kind: 'span', span: { kind: 'elastic', min: cycle, max: pacerLimits.minutes * 60, weight: 1 } } : { kind: 'cycles', cycles: breaths },
        at,
      },
      { kind: 'bell', count: 1, at },
    ],
  };
}

/** "In 4 · hold 7 · out 8", the pattern as a person reads it. */
export function describePattern(pattern: BreathPattern): string {
  const parts = [`In ${String(pattern.inhale)}`];
  if (pattern.hold > 0) parts.push(`hold ${String(pattern.hold)}`);
  parts.push(`out ${String(pattern.exhale)}`);
  if (pattern.rest > 0) parts.push(`rest ${String(pattern.rest)}`);
  return `${parts.join(' · ')} seconds`;
}
