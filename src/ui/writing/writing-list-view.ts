import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { query } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import type { DataServices } from '../../services/data-services';
import type { DraftCore, Writing, WritingService, WritingStore } from '../../services/writing-service';
import type { WritingDraft } from '../shared/events';
import { earlierVersionNote, formatMoment } from '../shared/data-format';
import './lull-writing-editor';
import type { LullWritingEditor } from './lull-writing-editor';
import { WritingListController } from './writing-list-controller';

/** What a list of writings says, and how it shows one: the only things the journal and the letters do differently. */
export interface WritingListWords<W> {
  readonly newLabel: string;
  readonly loading: string;
  readonly empty: string;
  readonly listLabel: string;
  readonly editLabel: string;
  readonly deleteLabel: string;
  /** How the hidden part of each button names one: "the entry", "the letter". */
  readonly theNoun: string;
  /** Each item's heading level: one below the screen's own sections, where the screen has them. */
  readonly headingLevel: 2 | 3;
  title(item: W): string;
  deleteQuestion(item: W, when: string): string;
  /** A line of the text under the title, where the title is not already the text. */
  opening?(item: W): string;
}

/**
 * The screen of a kind of writing: what the person wrote, newest first, a new one, and the editor
 * for one at a time. Deleting one asks first; Done closes the editor only once it is saved. Focus
 * moves to the editor when it opens and back to the new button when it closes.
 */
export abstract class WritingListView<S extends WritingStore, D extends DraftCore & WritingDraft> extends LitElement {
  protected abstract readonly words: WritingListWords<Writing<S>>;
  protected readonly writings: WritingListController<S, D>;

  @query('lull-writing-editor') private _editor: LullWritingEditor | null | undefined;
  @query('.new-writing') private _newButton: HTMLButtonElement | null | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  constructor(service: (services: DataServices) => WritingService<S, D>) {
    super();
    this.writings = new WritingListController<S, D>(this, { loader: () => this._loadData, service });
  }

  private _editorText() {
    return this._editor?.shadowRoot?.querySelector('textarea');
  }

  private _onNew(): void {
    if (this.writings.startNew()) void this.writings.focusAfterUpdate(() => this._editorText());
  }

  private _onEdit(item: Writing<S>): void {
    this.writings.edit(item);
    void this.writings.focusAfterUpdate(() => this._editorText());
  }

  private async _onDone(): Promise<void> {
    if (await this.writings.done(this._editor)) void this.writings.focusAfterUpdate(() => this._newButton);
  }

  private async _onConfirmDelete(id: string): Promise<void> {
    if (await this.writings.delete(id)) void this.writings.focusAfterUpdate(() => this._newButton);
  }

  /** The editor while one is open, else the new button and the list. */
  protected renderWritings() {
    const { data, problem, editing } = this.writings;
    if (editing) {
      return html`
        <lull-writing-editor .draft=${editing}></lull-writing-editor>
        <div class="toolbar">
          <button @click=${() => this._onDone()}>Done</button>
        </div>
      `;
    }
    return html`
      <div class="toolbar">
        <button class="new-writing" ?disabled=${!data.services} @click=${() => this._onNew()}>${this.words.newLabel}</button>
      </div>
      ${data.notice ? html`<p role="alert">${data.notice}</p>` : nothing} ${problem ? html`<p role="alert">${problem}</p>` : nothing} ${this._renderItems()}
    `;
  }

  private _renderItems() {
    const { list } = this.writings;
    switch (list.status) {
      case 'loading':
        return html`<p role="status">${this.words.loading}</p>`;
      case 'failed':
        return html`<p role="alert">${list.message}</p>`;
      case 'ready':
        return list.items.length === 0
          ? html`<p>${this.words.empty}</p>`
          : html`<ul class="items" aria-label=${this.words.listLabel}>
              ${list.items.map((item) => this._renderItem(item))}
            </ul>`;
    }
  }

  private _renderItem(item: Writing<S>) {
    const { words } = this;
    const title = words.title(item);
    const when = formatMoment(item.createdAt);
    const opening = words.opening?.(item);
    return html`<li data-id=${item.id}>
      ${words.headingLevel === 2 ? html`<h2 class="item-title" dir="auto">${title}</h2>` : html`<h3 class="item-title" dir="auto">${title}</h3>`}
      <time datetime=${new Date(item.createdAt).toISOString()}>${when}</time>
      ${item.earlierVersionOf ? html`<p class="earlier">${earlierVersionNote}</p>` : nothing}
      ${opening ? html`<p class="opening" dir="auto">${opening}</p>` : nothing}
      ${this.writings.confirmingDelete === item.id
        ? html`<div class="confirm" role="group" aria-label="Confirm deleting">
            <p>${words.deleteQuestion(item, when)}</p>
            <div class="item-actions">
              <button @click=${() => this._onConfirmDelete(item.id)}>${words.deleteLabel}</button>
              <button class="quiet" @click=${() => this.writings.askToDelete(undefined)}>Keep it</button>
            </div>
          </div>`
        : html`<div class="item-actions">
            <button class="quiet" @click=${() => this._onEdit(item)}>${words.editLabel}<span class="visually-hidden"> ${words.theNoun} from ${when}</span></button>
            <button class="quiet" @click=${() => this.writings.askToDelete(item.id)}>Delete<span class="visually-hidden"> ${words.theNoun} from ${when}</span></button>
          </div>`}
    </li>`;
  }
}
