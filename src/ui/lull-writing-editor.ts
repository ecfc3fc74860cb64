import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { busyState } from '../services/busy-state';
import { dataContext, loadDataServices, type DataServicesLoader } from '../services/data-context';
import { describeFailure } from '../services/data-store';
import { maxJournalText } from '../services/journal-service';
import { maxLetterText, maxLetterTitle, untitledLetter } from '../services/letter-service';
import { AutosaveController, type AutosaveStatus } from './autosave-controller';
import { DataController } from './data-controller';
import { DraftChangeEvent, type WritingDraft } from './events';
import { cutToLength, formatMoment, offerDownload } from './data-format';
import { controlStyles, fieldStyles } from './shared-styles';

const maxText = (draft: WritingDraft | undefined): number => (draft?.kind === 'letter' ? maxLetterText : maxJournalText);
const noun = (draft: WritingDraft | undefined): string => (draft?.kind === 'letter' ? 'letter' : 'entry');

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
 * Writes one journal entry or one letter, saving as the person types (after a short pause, and
 * at once when the page is hidden). "Saved" appears only once it is on disk and has been read
 * back. A full disk or a lost connection is said at once; the text stays in the editor. Every
 * change is announced with a `lull-draft-change` event, so a host that recreates the editor
 * hands it the latest text.
 */
@customElement('lull-writing-editor')
export class LullWritingEditor extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.35rem;
      }
      #title {
        width: 100%;
        margin-bottom: 1rem;
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
  private readonly _autosave = new AutosaveController<WritingDraft>(this, (draft) => this._save(draft));

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @state() private _text = '';
  @state() private _title = '';
  @state() private _stored = false;
  @state() private _exportProblem: string | undefined;
  private _releaseOverflow: (() => void) | undefined;

  /** What is being written: a new draft, or an existing entry or letter to change. */
  @property({ attribute: false }) draft: WritingDraft | undefined;
  /** True when it is already saved (so clearing its text is saved too). */
  @property({ type: Boolean }) stored = false;
  /** The text area's label, when it is not the draft's own question (a letter's current prompt). */
  @property() label: string | undefined;

  override willUpdate(changed: PropertyValues<this>): void {
    // The host may hand back the draft this editor announced; only another draft replaces the text.
    if (changed.has('draft') && changed.get('draft')?.id !== this.draft?.id) {
      this._text = this.draft?.text ?? '';
      this._title = this.draft?.kind === 'letter' ? this.draft.title : '';
    }
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

  private async _save(draft: WritingDraft): Promise<void> {
    const services = this._data.services ?? (await this._loadData());
    if (draft.kind === 'letter') await services.letters.save(draft);
    else await services.journal.save(draft);
    this._stored = true;
  }

  /** The draft as it is on screen, cut to what one entry or letter can hold. */
  private _current(draft: WritingDraft): WritingDraft {
    const text = cutToLength(this._text, maxText(draft));
    return draft.kind === 'letter' ? { ...draft, text, title: cutToLength(this._title, maxLetterTitle) } : { ...draft, text };
  }

  private _onTextInput(event: InputEvent): void {
    this._text = (event.target as HTMLTextAreaElement).value;
    // Past the limit, what fits is saved; the rest stays on screen (and the page stays busy) until moved.
    if (this._text.length > maxText(this.draft)) this._releaseOverflow ??= busyState.hold('draft');
    else {
      this._releaseOverflow?.();
      this._releaseOverflow = undefined;
    }
    this._changed();
  }

  private _onTitleInput(event: InputEvent): void {
    this._title = (event.target as HTMLInputElement).value;
    this._changed();
  }

  private _changed(): void {
    if (!this.draft) return;
    const current = this._current(this.draft);
    this.dispatchEvent(new DraftChangeEvent(current));
    if (this._text === '' && this._title === '' && !this._stored && !this._autosave.unsaved) return;
    this._autosave.edit(current);
  }

  private _onTryAgain(): void {
    this._autosave.flush();
  }

  private async _onExportNow(): Promise<void> {
    if (!this.draft) return;
    this._exportProblem = undefined;
    try {
      const services = this._data.services ?? (await this._loadData());
      const current = this._current(this.draft);
      const { id, createdAt, text } = current;
      const updatedAt = Date.now();
      const unsaved = current.kind === 'letter' ? { letters: [{ id, createdAt, updatedAt, text, title: current.title }] } : { journal: [{ id, createdAt, updatedAt, text, prompt: current.prompt }] };
      offerDownload(await services.backup.exportFile(unsaved));
    } catch (error) {
      this._exportProblem = `The export did not work: ${describeFailure(error).message}`;
    }
  }

  override render() {
    const status = this._autosave.status;
    const draft = this.draft;
    const overflow = this._text.length - maxText(draft);
    const label = this.label ?? (draft?.kind === 'letter' ? 'Your letter' : (draft?.prompt ?? 'Your entry'));
    return html`
      ${draft?.kind === 'letter'
        ? html`<label for="title">Title</label>
            <input id="title" dir="auto" maxlength=${maxLetterTitle} placeholder=${untitledLetter} .value=${this._title} @input=${(event: InputEvent) => this._onTitleInput(event)} />`
        : nothing}
      <label for="entry">${label}</label>
      <textarea id="entry" dir="auto" spellcheck="true" aria-describedby="save-state limit" .value=${this._text} @input=${(event: InputEvent) => this._onTextInput(event)}></textarea>
      <div class="meta">
        <p id="save-state" class="state" role="status">${statusText(status, this._stored)}</p>
        <p id="limit">${draft ? `Started ${formatMoment(draft.createdAt)}. ` : ''}${draft?.kind === 'letter' ? 'A letter' : 'An entry'} can hold up to ${maxText(draft).toLocaleString('en')} characters.</p>
      </div>
      ${overflow > 0 ? this._renderOverflow(overflow) : nothing} ${status.kind === 'failed' ? this._renderFailure(status.failure.message, status.failure.storageFull) : nothing}
      ${this._data.notice ? html`<p role="alert">${this._data.notice}</p>` : nothing}
    `;
  }

  private _renderOverflow(overflow: number) {
    const what = noun(this.draft);
    return html`<p role="alert">
      This ${what} has reached the most one ${what} can hold (${maxText(this.draft).toLocaleString('en')} characters). Everything up to there is saved; the
      last ${overflow.toLocaleString('en')} ${overflow === 1 ? 'character is' : 'characters are'} only on this screen. Cut them and paste them into a new
      ${what} to keep them.
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
    'lull-writing-editor': LullWritingEditor;
  }
}
