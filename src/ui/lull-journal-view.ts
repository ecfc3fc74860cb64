import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../services/data-context';
import type { JournalDraft, JournalEntry } from '../services/journal-service';
import { earlierVersionNote, firstLine, formatMoment } from './data-format';
import './lull-writing-editor';
import type { LullWritingEditor } from './lull-writing-editor';
import { WritingListController } from './writing-list-controller';
import { controlStyles, savedListStyles } from './shared-styles';

/**
 * The journal: entries newest first, a new entry, and the editor for one entry at a time.
 * Deleting an entry asks first; Done closes the editor only once the entry is saved.
 */
@customElement('lull-journal-view')
export class LullJournalView extends LitElement {
  static override styles = [controlStyles, savedListStyles];

  private readonly _entries = new WritingListController<'journal', JournalDraft>(this, { loader: () => this._loadData, service: (services) => services.journal });

  @query('lull-writing-editor') private _editor: LullWritingEditor | null | undefined;
  @query('.new-entry') private _newEntryButton: HTMLButtonElement | null | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  private _onNewEntry(): void {
    if (this._entries.startNew()) void this._entries.focusAfterUpdate(() => this._editor?.shadowRoot?.querySelector('textarea'));
  }

  private _onEdit(entry: JournalEntry): void {
    this._entries.edit(entry);
    void this._entries.focusAfterUpdate(() => this._editor?.shadowRoot?.querySelector('textarea'));
  }

  private async _onDone(): Promise<void> {
    if (await this._entries.done(this._editor)) void this._entries.focusAfterUpdate(() => this._newEntryButton);
  }

  private async _onConfirmDelete(id: string): Promise<void> {
    if (await this._entries.delete(id)) void this._entries.focusAfterUpdate(() => this._newEntryButton);
  }

  override render() {
    const { data } = this._entries;
    return html`
      <h1>Journal</h1>
      <p class="intro">Private to this device. Lull saves as you write.</p>
      ${data.failure ? html`<p role="alert">${data.failure}</p>` : nothing}
      ${this._entries.editing ? this._renderEditor(this._entries.editing) : this._renderList()}
    `;
  }

  private _renderEditor(draft: JournalDraft) {
    return html`
      <lull-writing-editor .draft=${draft}></lull-writing-editor>
      <div class="toolbar">
        <button @click=${() => this._onDone()}>Done</button>
      </div>
    `;
  }

  private _renderList() {
    const { data, problem } = this._entries;
    return html`
      <div class="toolbar">
        <button class="new-entry" ?disabled=${!data.services} @click=${() => this._onNewEntry()}>New entry</button>
      </div>
      ${data.notice ? html`<p role="alert">${data.notice}</p>` : nothing} ${problem ? html`<p role="alert">${problem}</p>` : nothing} ${this._renderEntries()}
    `;
  }

  private _renderEntries() {
    const { list } = this._entries;
    switch (list.status) {
      case 'loading':
        return html`<p role="status">Opening your journal…</p>`;
      case 'failed':
        return html`<p role="alert">${list.message}</p>`;
      case 'ready':
        return list.items.length === 0
          ? html`<p>No entries yet. Whenever you would like to write, start a new entry; it stays on this device.</p>`
          : html`<ul class="items" aria-label="Journal entries">
              ${list.items.map((entry) => this._renderEntry(entry))}
            </ul>`;
    }
  }

  private _renderEntry(entry: JournalEntry) {
    const title = firstLine(entry.text) || 'Empty entry';
    const when = formatMoment(entry.createdAt);
    return html`<li data-entry=${entry.id}>
      <h2 class="item-title" dir="auto">${title}</h2>
      <time datetime=${new Date(entry.createdAt).toISOString()}>${when}</time>
      ${entry.earlierVersionOf ? html`<p class="earlier">${earlierVersionNote}</p>` : nothing}
      ${this._entries.confirmingDelete === entry.id
        ? html`<div class="confirm" role="group" aria-label="Confirm deleting">
            <p>Delete this entry from ${when}? It cannot be brought back.</p>
            <div class="item-actions">
              <button @click=${() => this._onConfirmDelete(entry.id)}>Delete entry</button>
              <button class="quiet" @click=${() => this._entries.askToDelete(undefined)}>Keep it</button>
            </div>
          </div>`
        : html`<div class="item-actions">
            <button class="quiet" @click=${() => this._onEdit(entry)}>Edit<span class="visually-hidden"> the entry from ${when}</span></button>
            <button class="quiet" @click=${() => this._entries.askToDelete(entry.id)}>
              Delete<span class="visually-hidden"> the entry from ${when}</span>
            </button>
          </div>`}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-journal-view': LullJournalView;
  }
}
