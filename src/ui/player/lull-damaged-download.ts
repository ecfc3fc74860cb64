import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { offlineLibrary, type OfflineStatus } from '../../services/offline-library';
import { ServiceController } from '../shared/service-controller';
import { controlStyles, panelStyles } from '../shared/shared-styles';

/**
 * On a session whose download was found damaged when it opened (the damaged file is already off
 * the device): says so, and downloads the session again. A small control of its own rather than
 * the library's `<lull-session-download>`: a lazily loaded screen that imports the library's
 * elements makes Rolldown move Lit out of the first screen's script into a chunk of its own
 * (rolldown#10731), one more request before anything shows.
 */
@customElement('lull-damaged-download')
export class LullDamagedDownload extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  private readonly _offline = new ServiceController(this, offlineLibrary);

  /** The session whose download was found damaged. */
  @property({ attribute: false }) sessionId = '';

  private _onDownload(): void {
    this._offline.service.download(this.sessionId);
  }

  override render() {
    return html`<div class="panel">${this._renderStatus(this._offline.service.statusOf(this.sessionId))}</div>`;
  }

  private _renderStatus(status: OfflineStatus) {
    const damaged = html`<p role="alert">This download is damaged: download it again.</p>`;
    switch (status.kind) {
      // Until the library's list is read, there is nothing to download from.
      case 'checking':
        return damaged;
      case 'absent':
        return html`${damaged}<button @click=${() => this._onDownload()}>Download again</button>`;
      case 'queued':
      case 'downloading':
        return html`<p role="status">Downloading it again…</p>`;
      case 'paused':
        return html`<p role="status">${status.message}</p>`;
      case 'downloaded':
        return html`<p role="status">Downloaded again <span aria-hidden="true">✓</span></p>`;
      case 'failed':
        return html`<p role="alert">${status.message}</p>
          <button @click=${() => this._onDownload()}>Try again</button>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-damaged-download': LullDamagedDownload;
  }
}
