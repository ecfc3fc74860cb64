import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { appUpdate } from '../../services/app-update';
import type { UpdatePhase } from '../../services/update-offer';
import { formatUpdateOffer, formatWaitingFor } from '../shared/offline-format';
import { ServiceController } from '../shared/service-controller';
import { controlStyles } from '../shared/shared-styles';

/**
 * Offers a new version of Lull. Nothing changes until the person accepts; if a session plays, a
 * recording runs or a draft is unsaved, the update waits for it and says so. When another window
 * applied it, this one says it follows at its next change of screen.
 */
@customElement('lull-update-banner')
export class LullUpdateBanner extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .banner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-bottom: 1rem;
        padding: 0.5rem 1rem;
        background: var(--lull-surface);
        border: 1px solid var(--lull-accent);
        border-radius: var(--lull-radius);
      }
      p {
        margin: 0;
        flex: 1 1 16rem;
      }
    `,
  ];

  private readonly _update = new ServiceController(this, appUpdate);

  private _onAccept(): void {
    this._update.service.accept();
  }

  override render() {
    const { phase, waitingFor, appliedElsewhere } = this._update.service;
    const waiting = formatWaitingFor(waitingFor);
    return html`<div role="status" class=${phase === 'none' ? '' : 'banner'}>${this._renderMessage(phase, waiting, appliedElsewhere)}</div>`;
  }

  private _renderMessage(phase: UpdatePhase, waiting: string, appliedElsewhere: boolean) {
    switch (phase) {
      case 'none':
        return nothing;
      case 'ready':
        return html`<p>${formatUpdateOffer(waiting, appliedElsewhere)}</p>
          <button @click=${() => this._onAccept()}>${waiting ? 'Update afterwards' : 'Update now'}</button>`;
      case 'accepted':
        return html`<p>Lull will update after ${waiting}.</p>`;
      case 'applying':
        return html`<p>${waiting ? `Lull will update after ${waiting}.` : 'Updating Lull…'}</p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-update-banner': LullUpdateBanner;
  }
}
