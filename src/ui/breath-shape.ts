import type { BreathPhase } from '../engine/timeline';

/** Each breath phase in words, as the pacer shows and announces it. */
export const breathWords: Readonly<Record<BreathPhase, string>> = { inhale: 'Breathe in', hold: 'Hold', exhale: 'Breathe out', rest: 'Rest' };

/** The breathing circle's radius (in a 64-unit box): growing through an in-breath, full while holding, shrinking through the out-breath, small at rest. */
export function breathRadius(phase: BreathPhase, progress: number): number {
  const small = 12;
  const large = 30;
  const through = Math.min(1, Math.max(0, progress));
  switch (phase) {
    case 'inhale':
      return small + (large - small) * through;
    case 'hold':
      return large;
    case 'exhale':
      return large - (large - small) * through;
    case 'rest':
      return small;
  }
}
