import { css, html } from 'lit';
import type { BreathPhase } from '../../engine/timeline';
import type { Seconds } from '../../engine/units';

/** Each breath phase in words, as the pacer shows and announces it. */
export const breathWords: Readonly<Record<BreathPhase, string>> = { inhale: 'Breathe in', hold: 'Hold', exhale: 'Breathe out', rest: 'Rest' };

/** The circle's size when it does not follow the breath (reduced motion). */
export const steadyRadius = 22;

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

/** Between the breaths: a slow swell and settle, once every 12 seconds of the session, somewhere for the eye to rest. */
export function calmRadius(position: Seconds): number {
  return 17 + 3 * Math.sin((2 * Math.PI * position) / 12);
}

/** The shape the pacer and every session breathe with: the same size everywhere. */
export const breathShapeStyles = css`
  .shape {
    display: block;
    width: min(60vw, 14rem);
    height: auto;
  }
  .shape .outline {
    fill: none;
    stroke: var(--lull-border);
    stroke-width: 1;
  }
  .shape .glow {
    fill: var(--lull-accent-soft);
  }
  .shape .breath {
    fill: var(--lull-accent);
    opacity: 0.45;
  }
`;

/** The breath shape at `radius` (in its 64-unit box). */
export function breathShape(radius: number) {
  return html`<svg class="shape" viewBox="0 0 64 64" width="224" height="224" aria-hidden="true">
    <circle class="glow" cx="32" cy="32" r="30.5"></circle>
    <circle class="outline" cx="32" cy="32" r="30.5"></circle>
    <circle class="breath" cx="32" cy="32" r=${radius}></circle>
  </svg>`;
}
