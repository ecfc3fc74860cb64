import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { NowPlaying, PlayingSession } from '../../services/now-playing';
import { formatSpokenDuration, nowPlayingStatus } from '../shared/format';
import { PlayerFollowController } from './player-follow-controller';
import { controlStyles } from '../shared/shared-styles';

/**
 * The session that plays on while the person is on another screen: its title (back to it), where
 * it is, pause or resume, and stop (its place is kept to continue later).
 */
@customElement('lull-now-playing')
export class LullNowPlaying extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        position: fixed;
        inset: auto 0 0 0;
        z-index: 10;
        padding: 0 0.75rem calc(0.75rem + env(safe-area-inset-bottom));
        pointer-events: none;
      }
      section {
        pointer-events: auto;
        box-sizing: border-box;
        max-width: 46rem;
        margin: 0 auto;
        display: flex;
        align-items: center;
        gap: 0.4rem;
        padding: 0.5rem 0.5rem 0.5rem 0.9rem;
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: 1.25rem;
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.14);
      }
      .what {
        flex: 1;
        min-width: 0;
        display: flex;
        flex-direction: column;
        min-height: 44px;
        justify-content: center;
        color: var(--lull-text);
        text-decoration: none;
      }
      .title {
        font-weight: 650;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .title::after {
        content: ' ›';
        color: var(--lull-muted);
      }
      .status {
        color: var(--lull-muted);
        font-size: 0.9rem;
        font-variant-numeric: tabular-nums;
      }
      button {
        flex: none;
        padding-inline: 0.85rem;
      }
    `,
  ];

  private readonly _follow = new PlayerFollowController(this, () => this.session?.player);

  /** The session the app keeps playing. */
  @property({ attribute: false }) session: PlayingSession | undefined;
  /** What keeps it (stop lets it go there). */
  @property({ attribute: false }) nowPlaying: NowPlaying | undefined;

  private _onToggle(session: PlayingSession): void {
    session.player.togglePlay();
  }

  private _onStop(session: PlayingSession): void {
    this.nowPlaying?.release(session.player);
  }

  override render() {
    const session = this.session;
    if (!session) return nothing;
    const { player } = session;
    const { state } = player;
    const position = this._follow.position();
    const duration = player.currentPlan.duration;
    const status = nowPlayingStatus(state, position, duration);
    const spoken = state === 'ended' ? 'finished' : `${formatSpokenDuration(position)} of ${formatSpokenDuration(duration)}`;
    return html`<section aria-label="Now playing">
      <a class="what" href=${session.href}>
        <span class="title">${session.title}</span>
        <span class="status" aria-hidden="true">${status}</span>
        <span class="visually-hidden">, ${state === 'paused' ? 'paused, ' : ''}${spoken}. Back to the session</span>
      </a>
      ${state === 'ended'
        ? html`<button class="quiet" @click=${() => this._onStop(session)}>Close</button>`
        : html`<button class=${state === 'playing' ? 'quiet' : ''} @click=${() => this._onToggle(session)}>${state === 'playing' ? 'Pause' : state === 'waiting' ? 'Continue' : 'Resume'}</button>
            <button class="quiet" @click=${() => this._onStop(session)}>Stop</button>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-now-playing': LullNowPlaying;
  }
}
