import { css, html } from 'lit';
import type { BreathPhase } from '../../engine/timeline';
import type { BreathNow } from '../../engine/timeline-queries';
import type { Seconds } from '../../engine/units';
import { fullRadius, shapeMotion, type ShapeMotion } from './shape-motion';

/** Each breath phase in words, as the pacer shows and announces it. */
export const breathWords: Readonly<Record<BreathPhase, string>> = { inhale: 'Breathe in', hold: 'Hold', exhale: 'Breathe out', rest: 'Rest' };

/** The circle's size when it does not follow the breath (reduced motion). */
export const steadyRadius = 22;

/** The breathing circle's radius (in a 64-unit box): growing through an in-breath, full while holding, shrinking through the out-breath, small at rest. */
export function breathRadius(phase: BreathPhase, progress: number): number {
  const small = 12;
  const large = fullRadius;
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

/** How the shape moves through a breath: growing through an in-breath, shrinking through the out-breath, still while holding or resting. */
export function breathMotion(breath: BreathNow): ShapeMotion {
  const from = breathRadius(breath.phase, 0);
  const to = breathRadius(breath.phase, 1);
  if (from === to) return { kind: 'still', radius: from };
  return { kind: 'glide', from, to, seconds: breath.elapsed + breath.remaining, elapsed: breath.elapsed };
}

/** Between the breaths: a slow swell and settle, once every 12 seconds of the session, somewhere for the eye to rest. */
export function calmMotion(position: Seconds): ShapeMotion {
  const period = 12;
  return { kind: 'swell', around: 17, by: 3, period, elapsed: position % period };
}

/** The shape the pacer and every session breathe with: the same size everywhere. */
export const breathShapeStyles = css`
  .shape {
    position: relative;
    width: min(60vw, 14rem);
    aspect-ratio: 1;
  }
  .shape svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .shape .outline {
    fill: none;
    stroke: var(--lull-border);
    stroke-width: 1;
  }
  .shape .glow {
    fill: var(--lull-accent-soft);
  }
  /* The moving circle is its own layer, so the browser scales it without drawing the page again. */
  .shape .breath {
    position: absolute;
    inset: calc(100% * 2 / 64);
    border-radius: 50%;
    background: var(--lull-accent);
    opacity: 0.45;
    will-change: transform;
  }
`;

/** The breath shape, moving as `motion` says while `playing` (held where it is otherwise). */
export function breathShape(motion: ShapeMotion, playing: boolean) {
  return html`<div class="shape" aria-hidden="true">
    <svg viewBox="0 0 64 64" width="224" height="224">
      <circle class="glow" cx="32" cy="32" r="30.5"></circle>
      <circle class="outline" cx="32" cy="32" r="30.5"></circle>
    </svg>
    <div class="breath" ${shapeMotion(motion, playing)}></div>
  </div>`;
}
