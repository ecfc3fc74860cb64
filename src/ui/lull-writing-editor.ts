import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { busyState } from '../services/busy-state';
import { dataContext, loadDataServices, type DataServicesLoader } from '../services/data-context';
import { describeFailure } from '../services/data-store';
import { maxJournalText, type JournalDraft } from '../services/journal-service';
import { AutosaveController, type AutosaveStatus } from './autosave-controller';
import { DataController } from './data-controller';
import { cutToLength, formatMoment, offerDownload } from './data-format';
import { controlStyles } from './shared-styles';

const limitText = `An entry can hold up to ${maxJournalText.toLocaleString('en')} characters.`;

function statusText(status: AutosaveStatus, stored: boolean): string {
  switch (status.kind) {
    case 'idle':
      return stored ? 'Saved' : 'Nothing to save yet';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return 'Not saved';
  }
}

/**
 * Writes one journal entry, saving as the person types (after a short pause, and at once when
 * the page is hidden). "Saved" appears only once the entry is on disk and has been read back.
 * A full disk or a lost connection is said at once; the text stays in the editor.
 */
@customElement('lull-journal-editor')
export class LullJournalEditor extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.35rem;
      }
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 16rem;
        padding: 0.75rem 1rem;
        font: inherit;
        line-height: 1.6;
        color: var(--lull-text);
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        resize: vertical;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0.25rem 1rem;
        color: var(--lull-muted);
        margin: 0.35rem 0 0;
      }
      .meta p {
        margin: 0;
      }
      .state {
        font-weight: 600;
      }
      [role='alert'] {
        margin-top: 0.75rem;
      }
      [role='alert'] p {
        margin: 0 0 0.5rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  private readonly _data = new DataController(this, { loader: () => this._loadData, ready: () => undefined });
  private readonly _autosave = new AutosaveController<JournalDraft>(this, (draft) => this._save(draft));

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @state() private _text = '';
  @state() private _stored = false;
  @state() private _exportProblem: string | undefined;
  private _releaseOverflow: (() => void) | undefined;

  /** The entry being written: a new draft, or an existing entry to change. */
  @property({ attribute: false }) draft: JournalDraft | undefined;
  /** True when the entry is already saved (so clearing its text is saved too). */
  @property({ type: Boolean }) stored = false;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draft')) this._text = this.draft?.text ?? '';
    if (changed.has('stored')) this._stored = this.stored;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._releaseOverflow?.();
    this._releaseOverflow = undefined;
  }

  /** Saves what is typed now; resolves once it is saved (or the save failed and says so). */
  finish(): Promise<void> {
    return this._autosave.settle();
  }

  private async _save(draft: JournalDraft): Promise<void> {
    const services = this._data.services ?? (await this._loadData());
    await services.journal.save(draft);
    this._stored = true;
  }

  private _onInput(event: InputEvent): void {
    const text = (event.target as HTMLTextAreaElement).value;
    this._text = text;
    if (!this.draft || (text === '' && !this._stored && !this._autosave.unsaved)) return;
    // Past the limit, what fits is saved; the rest stays on screen (and the page stays busy) until moved.
    if (text.length > maxJournalText) this._releaseOverflow ??= busyState.hold('draft');
    else {
      this._releaseOverflow?.();
      this._releaseOverflow = undefined;
    }
    this._autosave.edit({ ...this.draft, text: cutToLength(text, maxJournalText) });
  }

  private _onTryAgain(): void {
    this._autosave.flush();
  }

  private async _onExportNow(): Promise<void> {
    if (!this.draft) return;
    this._exportProblem = undefined;
    try {
      const services = this._data.services ?? (await this._loadData());
      const unsaved = { ...this.draft, text: cutToLength(this._text, maxJournalText), updatedAt: Date.now() };
      offerDownload(await services.backup.exportFile([unsaved]));
    } catch (error) {
      this._exportProblem = `The export did not work: ${describeFailure(error).message}`;
    }
  }

  override render() {
    const status = this._autosave.status;
    const overflow = this._text.length - maxJournalText;
    return html`
      <label for="entry">${this.draft?.prompt ?? 'Your entry'}</label>
      <textarea id="entry" dir="auto" spellcheck="true" aria-describedby="save-state limit" .value=${this._text} @input=${(event: InputEvent) => this._onInput(event)}></textarea>
      <div class="meta">
        <p id="save-state" class="state" role="status">${statusText(status, this._stored)}</p>
        <p id="limit">${this.draft ? `Started ${formatMoment(this.draft.createdAt)}. ` : ''}${limitText}</p>
      </div>
      ${overflow > 0 ? this._renderOverflow(overflow) : nothing} ${status.kind === 'failed' ? this._renderFailure(status.failure.message, status.failure.storageFull) : nothing}
      ${this._data.notice ? html`<p role="alert">${this._data.notice}</p>` : nothing}
    `;
  }

  private _renderOverflow(overflow: number) {
    return html`<p role="alert">
      This entry has reached the most one entry can hold (${maxJournalText.toLocaleString('en')} characters). Everything up to there is saved; the last
      ${overflow.toLocaleString('en')} ${overflow === 1 ? 'character is' : 'characters are'} only on this screen. Cut them and paste them into a new entry to keep
      them.
    </p>`;
  }

  private _renderFailure(message: string, storageFull: boolean) {
    return html`<div role="alert">
      <p>${message} What you wrote is still here.${storageFull ? ' Export now to keep a copy, then free some space on this device.' : ''}</p>
      ${this._exportProblem ? html`<p>${this._exportProblem}</p>` : nothing}
      <div class="actions">
        ${storageFull ? html`<button @click=${() => this._onExportNow()}>Export now</button>` : nothing}
        <button class="quiet" @click=${() => this._onTryAgain()}>Try saving again</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-journal-editor': LullJournalEditor;
  }
}
