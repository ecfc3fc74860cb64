import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { everything, offlineCore, offlineLibrary, type OfflineStatus } from '../../services/offline-library';
import { formatBytes } from '../shared/format';
import { formatProgress, formatStorage } from '../shared/offline-format';
import { offlineStyles } from './offline-styles';
import { controlStyles } from '../shared/shared-styles';
import { ServiceController } from '../shared/service-controller';

function announcement(status: OfflineStatus): string {
  switch (status.kind) {
    case 'downloading':
      return 'Downloading every session.';
    case 'paused':
      return 'Download paused.';
    case 'downloaded':
      return 'Every session is available offline.';
    case 'failed':
      return 'The download did not finish.';
    default:
      return '';
  }
}

/**
 * "Download everything" with its progress in bytes, Cancel and Resume, and how much of the
 * device's storage Lull uses and could still use.
 */
@customElement('lull-offline-panel')
export class LullOfflinePanel extends LitElement {
  static override styles = [
    controlStyles,
    offlineStyles,
    css`
      :host {
        display: block;
        margin-top: 1rem;
      }
      section {
        border: 1px dashed var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 0.75rem 1.25rem;
      }
      h2 {
        font-size: var(--lull-size-h3);
        margin: 0 0 0.25rem;
      }
      p {
        margin: 0.25rem 0;
      }
      .storage {
        min-height: 1.5em;
        color: var(--lull-muted);
      }
    `,
  ];

  private readonly _offline = new ServiceController(this, offlineLibrary);

  private _onDownload(): void {
    this._offline.service.download(everything);
  }

  private _onCancel(): void {
    this._offline.service.cancel(everything);
  }

  private _onResume(): void {
    this._offline.service.resume();
  }

  override render() {
    const { service } = this._offline;
    const status = service.statusOf(everything);
    const storage = service.storage;
    return html`<section aria-labelledby="offline-heading">
      <h2 id="offline-heading">Use without a connection</h2>
      <p>Downloaded sessions play with no network at all. They stay on this device until you remove them.</p>
      <div class="row">${this._renderStatus(status)}</div>
      <p class="storage">${this._renderCore(service.statusOf(offlineCore))}</p>
      <p class="storage">${storage ? formatStorage(storage.usage, storage.quota) : nothing}</p>
      <p class="visually-hidden" role="status">${announcement(status)}</p>
    </section>`;
  }

  private _renderCore(status: OfflineStatus) {
    if (status.kind === 'downloaded') return `The break and the breathing pacer are always ready offline (${formatBytes(status.bytes)}).`;
    if (status.kind === 'downloading') return `Keeping the break and the breathing pacer ready offline: ${formatProgress(status.progress)}.`;
    return nothing;
  }

  private _renderStatus(status: OfflineStatus) {
    switch (status.kind) {
      case 'checking':
        return nothing;
      case 'absent':
        return html`<button @click=${() => this._onDownload()}>Download everything</button>`;
      case 'queued':
      case 'downloading':
      case 'paused':
        return html`<progress
            aria-label="Downloading every session"
            aria-valuetext=${formatProgress(status.progress)}
            max=${status.progress.total}
            .value=${status.progress.done}
          ></progress>
          <span class="amount">${formatProgress(status.progress)}</span>
          ${status.kind === 'paused'
            ? html`<p class="note">${status.message}</p>
                <button class="quiet" @click=${() => this._onResume()}>Resume</button>`
            : nothing}
          ${status.own ? html`<button class="quiet" @click=${() => this._onCancel()}>Cancel</button>` : nothing}`;
      case 'downloaded':
        return html`<span class="done">Every session is downloaded <span aria-hidden="true">✓</span></span>
          <span class="amount">${formatBytes(status.bytes)}</span>`;
      case 'failed':
        return html`<p role="alert">${status.message}</p>
          <button @click=${() => this._onDownload()}>Try again</button>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-offline-panel': LullOfflinePanel;
  }
}
