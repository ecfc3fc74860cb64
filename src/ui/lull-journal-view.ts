import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../services/data-context';
import type { DataServices } from '../services/data-services';
import { describeFailure } from '../services/data-store';
import type { JournalDraft, JournalEntry } from '../services/journal-service';
import { DataController } from './data-controller';
import { firstLine, formatMoment } from './data-format';
import './lull-journal-editor';
import type { LullJournalEditor } from './lull-journal-editor';
import { controlStyles } from './shared-styles';

type Entries = { readonly status: 'loading' } | { readonly status: 'ready'; readonly entries: readonly JournalEntry[] } | { readonly status: 'failed'; readonly message: string };

type Editing = { readonly draft: JournalDraft; readonly stored: boolean };

/**
 * The journal: entries newest first, a new entry, and the editor for one entry at a time.
 * Deleting an entry asks first.
 */
@customElement('lull-journal-view')
export class LullJournalView extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0 0 0.25rem;
      }
      .intro {
        color: var(--lull-muted);
        margin: 0 0 1rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 1rem 0;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 0.75rem 1rem;
      }
      h2 {
        font-size: 1.05rem;
        font-weight: 600;
        margin: 0;
        overflow-wrap: anywhere;
      }
      time {
        color: var(--lull-muted);
      }
      .entry-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.5rem;
      }
      .confirm p {
        margin: 0.5rem 0;
      }
    `,
  ];

  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: (services) => void this._reload(services),
    changed: () => {
      if (this._data.services) void this._reload(this._data.services);
    },
  });

  @query('lull-journal-editor') private _editor: LullJournalEditor | null | undefined;
  @query('.new-entry') private _newEntryButton: HTMLButtonElement | null | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @state() private _entries: Entries = { status: 'loading' };
  @state() private _editing: Editing | undefined;
  @state() private _confirmingDelete: string | undefined;
  @state() private _problem: string | undefined;

  private async _reload(services: DataServices): Promise<void> {
    try {
      this._entries = { status: 'ready', entries: await services.journal.list() };
    } catch (error) {
      this._entries = { status: 'failed', message: describeFailure(error).message };
    }
  }

  private async _focusAfterUpdate(find: () => HTMLElement | null | undefined): Promise<void> {
    await this.updateComplete;
    find()?.focus();
  }

  private _onNewEntry(): void {
    const services = this._data.services;
    if (!services) return;
    this._editing = { draft: services.journal.newDraft(), stored: false };
    void this._focusAfterUpdate(() => this._editor?.shadowRoot?.querySelector('textarea'));
  }

  private _onEdit(entry: JournalEntry): void {
    this._editing = { draft: { id: entry.id, createdAt: entry.createdAt, text: entry.text, prompt: entry.prompt }, stored: true };
    void this._focusAfterUpdate(() => this._editor?.shadowRoot?.querySelector('textarea'));
  }

  private async _onDone(): Promise<void> {
    await this._editor?.finish();
    // Reload before closing the editor so the list never shows without the entry just written.
    if (this._data.services) await this._reload(this._data.services);
    this._editing = undefined;
    void this._focusAfterUpdate(() => this._newEntryButton);
  }

  private async _onConfirmDelete(id: string): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    this._problem = undefined;
    try {
      await services.journal.delete(id);
      this._confirmingDelete = undefined;
      await this._reload(services);
      void this._focusAfterUpdate(() => this._newEntryButton);
    } catch (error) {
      this._problem = `The entry was not deleted: ${describeFailure(error).message}`;
    }
  }

  override render() {
    return html`
      <h1>Journal</h1>
      <p class="intro">Private to this device. Lull saves as you write.</p>
      ${this._data.failure ? html`<p role="alert">${this._data.failure}</p>` : nothing}
      ${this._editing ? this._renderEditor(this._editing) : this._renderList()}
    `;
  }

  private _renderEditor(editing: Editing) {
    return html`
      <lull-journal-editor .draft=${editing.draft} ?stored=${editing.stored}></lull-journal-editor>
      <div class="toolbar">
        <button @click=${() => this._onDone()}>Done</button>
      </div>
    `;
  }

  private _renderList() {
    return html`
      <div class="toolbar">
        <button class="new-entry" ?disabled=${!this._data.services} @click=${() => this._onNewEntry()}>New entry</button>
      </div>
      ${this._data.notice ? html`<p role="alert">${this._data.notice}</p>` : nothing} ${this._problem ? html`<p role="alert">${this._problem}</p>` : nothing}
      ${this._renderEntries()}
    `;
  }

  private _renderEntries() {
    switch (this._entries.status) {
      case 'loading':
        return html`<p role="status">Opening your journal…</p>`;
      case 'failed':
        return html`<p role="alert">${this._entries.message}</p>`;
      case 'ready':
        return this._entries.entries.length === 0
          ? html`<p>No entries yet. Whenever you would like to write, start a new entry; it stays on this device.</p>`
          : html`<ul aria-label="Journal entries">
              ${this._entries.entries.map((entry) => this._renderEntry(entry))}
            </ul>`;
    }
  }

  private _renderEntry(entry: JournalEntry) {
    const title = firstLine(entry.text) || 'Empty entry';
    const when = formatMoment(entry.createdAt);
    return html`<li data-entry=${entry.id}>
      <h2 dir="auto">${title}</h2>
      <time datetime=${new Date(entry.createdAt).toISOString()}>${when}</time>
      ${this._confirmingDelete === entry.id
        ? html`<div class="confirm" role="group" aria-label="Confirm deleting">
            <p>Delete this entry from ${when}? It cannot be brought back.</p>
            <div class="entry-actions">
              <button @click=${() => this._onConfirmDelete(entry.id)}>Delete entry</button>
              <button class="quiet" @click=${() => (this._confirmingDelete = undefined)}>Keep it</button>
            </div>
          </div>`
        : html`<div class="entry-actions">
            <button class="quiet" @click=${() => this._onEdit(entry)}>Edit<span class="visually-hidden"> the entry from ${when}</span></button>
            <button class="quiet" @click=${() => (this._confirmingDelete = entry.id)}>
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
