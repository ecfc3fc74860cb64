import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { busyState } from '../../services/busy-state';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import type { DataServices } from '../../services/data-services';
import { describeFailure, type WritingChange } from '../../services/data-store';
import { journalKind } from '../../services/journal-service';
import { letterKind, maxLetterTitle, untitledLetter } from '../../services/letter-service';
import type { SaveOutcome } from '../../services/writing-service';
import { AutosaveController, type AutosaveStatus } from './autosave-controller';
import { DataController } from '../shared/data-controller';
import { DraftChangeEvent, type WritingDraft } from '../shared/events';
import { cutToLength, formatMoment, offerDownload } from '../shared/data-format';
import { controlStyles, fieldStyles } from '../shared/shared-styles';

const kindOf = (draft: WritingDraft | undefined) => (draft?.kind === 'letter' ? letterKind : journalKind);

/** Which stored writing the editor is on: the draft's own, or the copy a save made of it. */
interface Identity {
  readonly id: string;
  readonly createdAt: number;
  /** The revision on disk that this editor last read or wrote; 0 before the first save. */
  readonly revision: number;
}

/** What another window did to this writing, or what a save did because of it. */
type Notice = Exclude<SaveOutcome, 'saved'> | 'changed-elsewhere' | 'deleted-elsewhere';

const noticeText: Readonly<Record<Notice, (noun: string) => string>> = {
  'kept-as-copy': (noun) =>
    `This ${noun} was changed in another window or tab while you were writing here. Both versions are kept: what you wrote here is now saved as a separate ${noun}, and the other version stays as it was.`,
  'kept-as-new': (noun) => `This ${noun} was deleted in another window or tab. What you wrote here is kept: it is saved as a new ${noun}.`,
  'deleted-elsewhere': (noun) => `This ${noun} was deleted in another window or tab. What you see here is now only on this screen.`,
  'changed-elsewhere': (noun) => `This ${noun} was changed in another window or tab. You are seeing its newest version.`,
};

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
 * Writes one journal entry or one letter, saving as the person types (after a short pause, at
 * least once a second while typing goes on, and at once when the page is hidden). "Saved"
 * appears only once it is on disk and has been read back. A full disk or a lost connection is
 * said at once; the text stays in the editor. A save never replaces a version this editor has
 * not seen: when another window changed or deleted it, what is written here is kept as a new
 * one, and the editor says so. An editor with nothing unsaved shows another window's newer
 * version. Every change (typed, or a new revision or id from a save) is announced with a
 * `lull-draft-change` event, so a host that recreates the editor hands it the latest draft.
 *
 * @fires lull-draft-change - what is being written, as it stands now
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
      [role='alert'],
      .notice {
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

  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: () => undefined,
    writings: (change) => void this._onElsewhere(change),
  });
  private readonly _autosave = new AutosaveController<WritingDraft>(this, (draft) => this._save(draft));

  @query('textarea') private _textArea: HTMLTextAreaElement | null | undefined;
  @query('.failure button') private _failureAction: HTMLButtonElement | null | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @state() private _text = '';
  @state() private _title = '';
  @state() private _identity: Identity | undefined;
  @state() private _notice: Notice | undefined;
  @state() private _exportProblem: string | undefined;
  private _releaseOverflow: (() => void) | undefined;
  /** Held while what is on screen belongs to a writing deleted elsewhere and is not saved anew. */
  private _releaseDeleted: (() => void) | undefined;

  /** What is being written: a new draft, or an existing entry or letter (with its revision) to change. */
  @property({ attribute: false }) draft: WritingDraft | undefined;
  /** The text area's label, when it is not the draft's own question (a letter's current prompt). */
  @property() label: string | undefined;

  override willUpdate(changed: PropertyValues<this>): void {
    // The host may hand back a draft this editor announced; only another draft replaces the text.
    if (changed.has('draft') && this.draft && this.draft.id !== this._identity?.id) this._adopt(this.draft);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._releaseOverflow?.();
    this._releaseOverflow = undefined;
    this._releaseDeleted?.();
    this._releaseDeleted = undefined;
  }

  /** Saves what is typed now; resolves true once it is saved, false when the save failed (and says so). */
  finish(): Promise<boolean> {
    return this._autosave.settle();
  }

  /** Moves focus to what the person can do about a failed save ("Export now" on a full disk). */
  async showProblem(): Promise<void> {
    await this.updateComplete;
    this._failureAction?.focus();
  }

  private _adopt(draft: WritingDraft): void {
    this._text = draft.text;
    this._title = draft.kind === 'letter' ? draft.title : '';
    this._identity = { id: draft.id, createdAt: draft.createdAt, revision: draft.revision ?? 0 };
  }

  private get _overflowing(): boolean {
    return this._text.length > kindOf(this.draft).maxText;
  }

  private async _services(): Promise<DataServices> {
    return this._data.services ?? (await this._loadData());
  }

  /** Saves `draft` as the writing this editor is on now (a save before may have moved it to a copy). */
  private async _save(draft: WritingDraft): Promise<void> {
    const services = await this._services();
    const identity = this._identity ?? { id: draft.id, createdAt: draft.createdAt, revision: draft.revision ?? 0 };
    const result = draft.kind === 'letter' ? await services.letters.save({ ...draft, ...identity }) : await services.journal.save({ ...draft, ...identity });
    this._identity = { id: result.draft.id, createdAt: result.draft.createdAt, revision: result.draft.revision ?? 1 };
    this._releaseDeleted?.();
    this._releaseDeleted = undefined;
    if (result.outcome !== 'saved') this._notice = result.outcome;
    else if (this._notice === 'changed-elsewhere') this._notice = undefined;
    this._announce();
  }

  /** The draft as it is on screen, cut to what one entry or letter can hold. */
  private _current(): WritingDraft | undefined {
    const { draft, _identity: identity } = this;
    if (!draft || !identity) return undefined;
    const text = cutToLength(this._text, kindOf(draft).maxText);
    return draft.kind === 'letter' ? { ...draft, ...identity, text, title: cutToLength(this._title, maxLetterTitle) } : { ...draft, ...identity, text };
  }

  private _announce(): void {
    const current = this._current();
    if (current) this.dispatchEvent(new DraftChangeEvent(current));
  }

  /** True when another window's revision of this writing can be shown: it is newer, and nothing here would be lost. */
  private _canShow(id: string, revision: number): boolean {
    const identity = this._identity;
    return identity?.id === id && revision > identity.revision && !this._autosave.unsaved && !this._overflowing;
  }

  /**
   * Another window saved or deleted a writing. For this one: a deletion is said (what is here is
   * kept as a new one when saved); a newer version is shown, unless something here is not saved
   * yet, which the next save keeps beside it.
   */
  private async _onElsewhere(change: WritingChange): Promise<void> {
    const identity = this._identity;
    if (!identity || change.store !== kindOf(this.draft).store || change.id !== identity.id) return;
    if (change.type === 'writing-deleted') {
      if (identity.revision === 0) return;
      this._notice = 'deleted-elsewhere';
      this._releaseDeleted ??= busyState.hold('draft');
      return;
    }
    if (!this._canShow(change.id, change.revision)) return;
    let latest: WritingDraft | undefined;
    try {
      const services = await this._services();
      latest = this.draft?.kind === 'letter' ? await services.letters.read(change.id) : await services.journal.read(change.id);
    } catch {
      // Not read: this editor keeps its version, and its next save still keeps both.
      return;
    }
    if (!latest || !this._canShow(latest.id, latest.revision ?? 0)) return;
    this._adopt(latest);
    this._notice = 'changed-elsewhere';
    this._announce();
  }

  private _onTextInput(event: InputEvent): void {
    this._text = (event.target as HTMLTextAreaElement).value;
    // Past the limit, what fits is saved; the rest stays on screen (and the page stays busy) until moved.
    if (this._overflowing) this._releaseOverflow ??= busyState.hold('draft');
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
    const current = this._current();
    if (!current) return;
    this.dispatchEvent(new DraftChangeEvent(current));
    if (this._text === '' && this._title === '' && current.revision === 0 && !this._autosave.unsaved) return;
    this._autosave.edit(current);
  }

  private _onTryAgain(): void {
    this._autosave.flush();
  }

  /** Saves what is on screen as a new entry or letter, after another window deleted this one. */
  private _onKeepDeleted(): void {
    const current = this._current();
    if (!current) return;
    this._autosave.edit(current);
    this._autosave.flush();
    this._textArea?.focus();
  }

  private async _onExportNow(): Promise<void> {
    const current = this._current();
    if (!current) return;
    this._exportProblem = undefined;
    try {
      const services = await this._services();
      const updatedAt = Date.now();
      const revision = (current.revision ?? 0) + 1;
      const unsaved = current.kind === 'letter' ? { letters: [{ ...letterKind.toWriting(current, updatedAt), revision }] } : { journal: [{ ...journalKind.toWriting(current, updatedAt), revision }] };
      offerDownload(await services.backup.exportFile(unsaved));
    } catch (error) {
      this._exportProblem = `The export did not work: ${describeFailure(error).message}`;
    }
  }

  override render() {
    const status = this._autosave.status;
    const draft = this.draft;
    const { noun, aNoun, maxText } = kindOf(draft);
    const overflow = this._text.length - maxText;
    const label = this.label ?? (draft?.kind === 'letter' ? 'Your letter' : (draft?.prompt ?? 'Your entry'));
    return html`
      ${draft?.kind === 'letter'
        ? html`<label for="title">Title</label>
            <input id="title" dir="auto" maxlength=${maxLetterTitle} placeholder=${untitledLetter} .value=${this._title} @input=${(event: InputEvent) => this._onTitleInput(event)} />`
        : nothing}
      <label for="entry">${label}</label>
      <textarea id="entry" dir="auto" spellcheck="true" aria-describedby="save-state limit" .value=${this._text} @input=${(event: InputEvent) => this._onTextInput(event)}></textarea>
      <div class="meta">
        <p id="save-state" class="state" role="status">${statusText(status, (this._identity?.revision ?? 0) > 0)}</p>
        <p id="limit">${draft ? `Started ${formatMoment(draft.createdAt)}. ` : ''}${aNoun} can hold up to ${maxText.toLocaleString('en')} characters.</p>
      </div>
      ${this._notice ? this._renderNotice(this._notice, noun) : nothing} ${overflow > 0 ? this._renderOverflow(overflow, noun, maxText) : nothing}
      ${status.kind === 'failed' ? this._renderFailure(status.failure.message, status.failure.storageFull) : nothing}
      ${this._data.notice ? html`<p role="alert">${this._data.notice}</p>` : nothing}
    `;
  }

  private _renderNotice(notice: Notice, noun: string) {
    switch (notice) {
      case 'changed-elsewhere':
        return html`<p class="notice" role="status">${noticeText[notice](noun)}</p>`;
      case 'deleted-elsewhere':
        return html`<div class="notice" role="alert">
          <p>${noticeText[notice](noun)}</p>
          <div class="actions"><button @click=${() => this._onKeepDeleted()}>Keep it as a new ${noun}</button></div>
        </div>`;
      case 'kept-as-copy':
      case 'kept-as-new':
        return html`<p class="notice" role="alert">${noticeText[notice](noun)}</p>`;
    }
  }

  private _renderOverflow(overflow: number, noun: string, maxText: number) {
    return html`<p role="alert">
      This ${noun} has reached the most one ${noun} can hold (${maxText.toLocaleString('en')} characters). Everything up to there is saved; the last
      ${overflow.toLocaleString('en')} ${overflow === 1 ? 'character is' : 'characters are'} only on this screen. Cut them and paste them into a new ${noun}
      to keep them.
    </p>`;
  }

  private _renderFailure(message: string, storageFull: boolean) {
    return html`<div class="failure" role="alert">
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
