import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LibraryEntry } from '../../engine/pack-manifest';
import { offlineLibrary, type OfflineStatus } from '../../services/offline-library';
import { formatProgress } from '../shared/offline-format';
import { offlineStyles } from './offline-styles';
import { controlStyles } from '../shared/shared-styles';
import { ServiceController } from '../shared/service-controller';

/** What a screen reader hears when a session's offline state changes (not on every byte). */
function announcement(status: OfflineStatus, title: string): string {
  switch (status.kind) {
    case 'checking':
    case 'absent':
      return '';
    case 'queued':
      return `${title} is waiting to download.`;
    case 'downloading':
      return `Downloading ${title}.`;
    case 'paused':
      return `Download of ${title} paused.`;
    case 'downloaded':
      return `${title} is available offline.`;
    case 'failed':
      return `${title} could not be downloaded.`;
  }
}

/**
 * A session's offline controls in the library: Download; then progress in bytes with Cancel;
 * Resume after a lost connection; then "Ready offline ✓" with Remove.
 */
@customElement('lull-session-download')
export class LullSessionDownload extends LitElement {
  static override styles = [
    controlStyles,
    offlineStyles,
    css`
      :host {
        display: block;
        margin-top: 0.5rem;
      }
    `,
  ];

  private readonly _offline = new ServiceController(this, offlineLibrary);

  /** The session whose files this control keeps on the device. */
  @property({ attribute: false }) entry?: LibraryEntry;

  private _onDownload(): void {
    if (this.entry) this._offline.service.download(this.entry.id);
  }

  private _onCancel(): void {
    if (this.entry) this._offline.service.cancel(this.entry.id);
  }

  private _onResume(): void {
    this._offline.service.resume();
  }

  private _onRemove(): void {
    if (this.entry) void this._offline.service.remove(this.entry.id);
  }

  override render() {
    if (!this.entry) return nothing;
    const status = this._offline.service.statusOf(this.entry.id);
    const { title } = this.entry;
    return html`<div class="row">${this._renderStatus(status, title)}</div>
      <p class="visually-hidden" role="status">${announcement(status, title)}</p>`;
  }

  private _renderStatus(status: OfflineStatus, title: string) {
    const named = (label: string, hidden: string) => html`${label}<span class="visually-hidden"> ${hidden}</span>`;
    switch (status.kind) {
      case 'checking':
        return nothing;
      case 'absent':
        return html`<button class="quiet" @click=${() => this._onDownload()}>${named('Download', title)}</button>`;
      case 'queued':
      case 'downloading':
      case 'paused':
        return html`<progress
            aria-label=${`Downloading ${title}`}
            aria-valuetext=${formatProgress(status.progress)}
            max=${status.progress.total}
            .value=${status.progress.done}
          ></progress>
          <span class="amount">${status.kind === 'queued' ? 'Waiting…' : formatProgress(status.progress)}</span>
          ${status.kind === 'paused' ? html`<p class="note">${status.message}</p>` : nothing}
          ${status.kind === 'paused' && status.own ? html`<button class="quiet" @click=${() => this._onResume()}>${named('Resume', `downloading ${title}`)}</button>` : nothing}
          ${status.own ? html`<button class="quiet" @click=${() => this._onCancel()}>${named('Cancel', `downloading ${title}`)}</button>` : nothing}`;
      case 'downloaded':
        if (!status.removable) return html`<span class="done">Always ready offline, for a break <span aria-hidden="true">✓</span></span>`;
        return html`<span class="done">Ready offline <span aria-hidden="true">✓</span></span>
          <button class="quiet" @click=${() => this._onRemove()}>${named('Remove', `${title} from this device`)}</button>`;
      case 'failed':
        return html`<p role="alert">${status.message}</p>
          <button class="quiet" @click=${() => this._onDownload()}>${named('Try again', `to download ${title}`)}</button>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-session-download': LullSessionDownload;
  }
}
