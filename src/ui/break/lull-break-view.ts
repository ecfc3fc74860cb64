import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { nowPlayingContext, type NowPlaying } from '../../services/now-playing';
import { breakSessionId } from '../../services/offline-core';
import { formatClock } from '../shared/format';
import { NowPlayingController } from '../player/now-playing-controller';
import { controlStyles, panelStyles } from '../shared/shared-styles';
import '../player/lull-session-view';
import './lull-support-contacts';

/**
 * "I need a break": a grounding session that starts at once, the reminder that a licensed
 * therapist can help and that Lull is not for emergencies, and the person's own contacts; and,
 * when the break interrupted a session, the way back to it, from where it was.
 */
@customElement('lull-break-view')
export class LullBreakView extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  private readonly _interrupted = new NowPlayingController(this, () => this._nowPlaying);

  @consume({ context: nowPlayingContext }) private _nowPlaying: NowPlaying | undefined;

  override render() {
    return html`
      <h1>Take a break</h1>
      <p>You stopped, and that is a good thing to do. Let’s slow down together. You can stop this too, whenever you like.</p>
      <lull-session-view .sessionId=${breakSessionId} autostart nested></lull-session-view>
      ${this._renderWayBack()}
      <section class="panel" aria-labelledby="help-heading">
        <h2 id="help-heading">You don’t have to do this alone</h2>
        <p>Lull is not therapy, and it cannot help in an emergency. If you might be in danger, call your local emergency number now.</p>
        <p>If old feelings keep coming up, a licensed therapist can help you with them. Reaching out is a strong thing to do.</p>
      </section>
      <section class="panel" aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">Your people</h2>
        <p>People you trust, to call or message when things feel heavy. They stay on this device only.</p>
        <lull-support-contacts></lull-support-contacts>
      </section>
    `;
  }

  /** The session the break paused, kept where it was for when the person is ready. */
  private _renderWayBack() {
    const session = this._interrupted.current;
    if (!session || session.player.state === 'ended') return nothing;
    return html`<section class="panel" aria-labelledby="back-heading">
      <h2 id="back-heading">When you are ready</h2>
      <p>${session.title} is paused at ${formatClock(session.player.position())}, waiting for you. There is no hurry.</p>
      <p><a class="button quiet" href=${session.href}>Back to ${session.title}</a></p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-break-view': LullBreakView;
  }
}
