import type { BreathPattern } from './script-model';
import type { Seconds } from './units';

/** The pacer's built-in patterns, by the names scripts and deep links use. */
export const breathPresets: Readonly<Record<string, BreathPattern>> = {
  'long-exhale': { inhale: 4, hold: 0, exhale: 6, rest: 0 },
  box: { inhale: 4, hold: 4, exhale: 4, rest: 4 },
  '4-7-8': { inhale: 4, hold: 7, exhale: 8, rest: 0 },
  resonance: { inhale: 5.5, hold: 0, exhale: 5.5, rest: 0 },
};

export const cycleSeconds = (pattern: BreathPattern): Seconds =>
  pattern.inhale + pattern.hold + pattern.exhale + pattern.rest;
