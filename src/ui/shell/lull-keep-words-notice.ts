import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { loadDataServices } from '../../services/data-context';
import { storagePersistence } from '../../services/storage-persistence';
import { formatDay } from '../shared/data-format';
import { ServiceController } from '../shared/service-controller';
import { controlStyles } from '../shared/shared-styles';
import './lull-install-button';

/**
 * Said once, where the browser may clear Lull's storage (it refused to keep it): how to keep
 * one's words (install Lull, or export a backup), with the last backup's date at hand.
 */
@customElement('lull-keep-words-notice')
export class LullKeepWordsNotice extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      aside {
        margin-bottom: 1rem;
        padding: 0.75rem 1rem;
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
      }
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.25rem;
      }
      p {
        margin: 0 0 0.5rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
    `,
  ];

  private readonly _persistence = new ServiceController(this, storagePersistence);

  /** Undefined until the note is due: then when the last backup was made (null: never). */
  @state() private _lastBackupAt: number | null | undefined;
  @state() private _dismissed = false;
  private _checked = false;

  override willUpdate(): void {
    if (this._checked || this._persistence.service.state !== 'at-risk') return;
    this._checked = true;
    void this._readWhetherDue();
  }

  private async _readWhetherDue(): Promise<void> {
    try {
      const { keepWords } = await loadDataServices();
      const { told, lastBackupAt } = await keepWords.read();
      if (told) return;
      this._lastBackupAt = lastBackupAt;
      await keepWords.markTold();
    } catch {
      // Storage that cannot be read cannot be kept either; the screens say so where it matters.
    }
  }

  private _onDismiss(): void {
    this._dismissed = true;
  }

  override render() {
    if (this._lastBackupAt === undefined || this._dismissed) return nothing;
    const backup = this._lastBackupAt === null ? 'You have no backup yet.' : `Your last backup is from ${formatDay(this._lastBackupAt)}.`;
    return html`<aside aria-labelledby="keep-words-heading">
      <h2 id="keep-words-heading">Keeping your words</h2>
      <p>What you write stays only in this browser, and it may clear it if Lull is not opened for a while. To keep your words, install Lull on this device, or save a backup now and then. ${backup}</p>
      <div class="actions">
        <lull-install-button></lull-install-button>
        <a href="/your-data">Save a backup</a>
        <button class="quiet" @click=${() => this._onDismiss()}>Got it</button>
      </div>
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-keep-words-notice': LullKeepWordsNotice;
  }
}
