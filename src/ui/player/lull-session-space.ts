import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionPlan } from '../../engine/timeline';
import { momentAt } from '../../services/session-moment';
import { breathMotion, breathShape, breathShapeStyles, breathWords, calmMotion, steadyRadius } from './breath-shape';
import { MediaQueryController } from '../shared/media-query-controller';

/**
 * The session's space while it plays: a slow visual that lives on the audio clock (each time it
 * is drawn, its motion is set to the position it is given; the browser animates in between).
 * In a breathing step, the breath shape at the pacer's size with the phase in words; in butterfly taps, the left and the right
 * side lit in turn; otherwise, the same shape swelling and settling slowly, so a silence is never
 * an empty screen. Under reduced motion the shape stays still.
 */
@customElement('lull-session-space')
export class LullSessionSpace extends LitElement {
  static override styles = [
    breathShapeStyles,
    css`
      :host {
        display: block;
      }
      .space {
        display: grid;
        justify-items: center;
        gap: 0.25rem;
        min-height: min(60vw, 14rem);
      }
      :host([small]) .space {
        min-height: 0;
      }
      :host([small]) .shape {
        width: 7rem;
      }
      .words {
        margin: 0;
        min-height: 2rem;
        font-size: var(--lull-size-large);
        text-align: center;
      }
      .sides {
        display: block;
        width: min(80vw, 20rem);
        height: auto;
        margin: 2rem 0;
      }
      .sides circle {
        fill: var(--lull-surface);
        stroke: var(--lull-accent);
        stroke-width: 3;
        transition: fill 0.12s;
      }
      .sides circle.lit {
        fill: var(--lull-accent);
      }
    `,
  ];

  private readonly _reducedMotion = new MediaQueryController(this, '(prefers-reduced-motion: reduce)');

  /** The plan that plays. */
  @property({ attribute: false }) plan: SessionPlan | undefined;
  /** Where the session is, read from the audio clock. */
  @property({ type: Number }) position = 0;
  /** A smaller shape, for the closing moment. */
  @property({ type: Boolean, reflect: true }) small = false;
  /** The person asked for still visuals in Lull, whatever the device's motion setting is. */
  @property({ type: Boolean }) still = false;
  /** The session plays: the shape moves on its own between the positions it is given. */
  @property({ type: Boolean }) playing = false;

  override render() {
    const plan = this.plan;
    if (!plan) return nothing;
    const still = this.still || this._reducedMotion.matches;
    const moment = momentAt(plan, this.position);
    const step = plan.steps[moment.step];
    if (step?.kind === 'taps') {
      const side = moment.tap?.side;
      return html`<div class="space" data-visual="taps">
        <svg class="sides" viewBox="0 0 200 90" aria-hidden="true">
          <circle class=${side === 'left' ? 'lit' : ''} data-side="left" cx="50" cy="45" r="32"></circle>
          <circle class=${side === 'right' ? 'lit' : ''} data-side="right" cx="150" cy="45" r="32"></circle>
        </svg>
      </div>`;
    }
    const { breath } = moment;
    if (breath) {
      return html`<div class="space" data-visual="breath">
        ${breathShape(still ? { kind: 'still', radius: steadyRadius } : breathMotion(breath), this.playing)}
        <p class="words" aria-live="polite">${breathWords[breath.phase]}</p>
      </div>`;
    }
    return html`<div class="space" data-visual="calm">${breathShape(still ? { kind: 'still', radius: steadyRadius } : calmMotion(this.position), this.playing)}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-session-space': LullSessionSpace;
  }
}
