import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../services/data-context';
import { untitledLetter, type Letter, type LetterDraft } from '../services/letter-service';
import { earlierVersionNote, firstLine, formatMoment } from './data-format';
import './lull-recorder';
import './lull-writing-editor';
import type { LullWritingEditor } from './lull-writing-editor';
import { sessionHref } from './routes';
import { WritingListController } from './writing-list-controller';
import { controlStyles, savedListStyles } from './shared-styles';

/**
 * Letters to the person's younger self: the ones written in the letter session and any written
 * here, newest first, each to read, change or delete (after asking); and the letter in their
 * own voice, which the session plays where it makes room for it.
 */
@customElement('lull-letters-view')
export class LullLettersView extends LitElement {
  static override styles = [
    controlStyles,
    savedListStyles,
    css`
      h2 {
        font-size: 1.25rem;
        margin: 2rem 0 0.5rem;
      }
      .opening {
        margin: 0.25rem 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  private readonly _letters = new WritingListController<'letters', LetterDraft>(this, { loader: () => this._loadData, service: (services) => services.letters });

  @query('lull-writing-editor') private _editor: LullWritingEditor | null | undefined;
  @query('.new-letter') private _newLetterButton: HTMLButtonElement | null | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  private _onNewLetter(): void {
    if (this._letters.startNew()) void this._letters.focusAfterUpdate(() => this._editor?.shadowRoot?.querySelector('textarea'));
  }

  private _onEdit(letter: Letter): void {
    this._letters.edit(letter);
    void this._letters.focusAfterUpdate(() => this._editor?.shadowRoot?.querySelector('textarea'));
  }

  private async _onDone(): Promise<void> {
    if (await this._letters.done(this._editor)) void this._letters.focusAfterUpdate(() => this._newLetterButton);
  }

  private async _onConfirmDelete(id: string): Promise<void> {
    if (await this._letters.delete(id)) void this._letters.focusAfterUpdate(() => this._newLetterButton);
  }

  override render() {
    return html`
      <h1>Letters to your younger self</h1>
      <p class="intro">
        Private to this device. Write one here whenever you like, or let <a href=${sessionHref('letter')}>the letter session</a> guide you, one prompt at a
        time.
      </p>
      ${this._letters.data.failure ? html`<p role="alert">${this._letters.data.failure}</p>` : nothing}
      ${this._letters.editing ? this._renderEditor(this._letters.editing) : this._renderList()}
      <section aria-labelledby="voice-heading">
        <h2 id="voice-heading">Your letter in your own voice</h2>
        <p>
          If you like, read a letter aloud and record it. The letter session plays it for you near its end; until then it gently says that there is room for
          it. The recording stays on this device.
        </p>
        <lull-recorder slot-name="letter" label="Your letter, read aloud"></lull-recorder>
      </section>
    `;
  }

  private _renderEditor(draft: LetterDraft) {
    return html`
      <lull-writing-editor .draft=${draft}></lull-writing-editor>
      <div class="toolbar">
        <button @click=${() => this._onDone()}>Done</button>
      </div>
    `;
  }

  private _renderList() {
    const { data, problem } = this._letters;
    return html`
      <div class="toolbar">
        <button class="new-letter" ?disabled=${!data.services} @click=${() => this._onNewLetter()}>Write a letter</button>
      </div>
      ${data.notice ? html`<p role="alert">${data.notice}</p>` : nothing} ${problem ? html`<p role="alert">${problem}</p>` : nothing} ${this._renderLetters()}
    `;
  }

  private _renderLetters() {
    const { list } = this._letters;
    switch (list.status) {
      case 'loading':
        return html`<p role="status">Opening your letters…</p>`;
      case 'failed':
        return html`<p role="alert">${list.message}</p>`;
      case 'ready':
        return list.items.length === 0
          ? html`<p>No letters yet. There is no hurry; when you feel like writing to the child you were, this is the place.</p>`
          : html`<ul class="items" aria-label="Letters">
              ${list.items.map((letter) => this._renderLetter(letter))}
            </ul>`;
    }
  }

  private _renderLetter(letter: Letter) {
    const title = letter.title.trim() || untitledLetter;
    const when = formatMoment(letter.createdAt);
    const opening = firstLine(letter.text);
    return html`<li data-letter=${letter.id}>
      <h3 class="item-title" dir="auto">${title}</h3>
      <time datetime=${new Date(letter.createdAt).toISOString()}>${when}</time>
      ${letter.earlierVersionOf ? html`<p class="earlier">${earlierVersionNote}</p>` : nothing}
      ${opening ? html`<p class="opening" dir="auto">${opening}</p>` : nothing}
      ${this._letters.confirmingDelete === letter.id
        ? html`<div class="confirm" role="group" aria-label="Confirm deleting">
            <p>Delete the letter “${title}” from ${when}? It cannot be brought back.</p>
            <div class="item-actions">
              <button @click=${() => this._onConfirmDelete(letter.id)}>Delete letter</button>
              <button class="quiet" @click=${() => this._letters.askToDelete(undefined)}>Keep it</button>
            </div>
          </div>`
        : html`<div class="item-actions">
            <button class="quiet" @click=${() => this._onEdit(letter)}>Read or change<span class="visually-hidden"> the letter from ${when}</span></button>
            <button class="quiet" @click=${() => this._letters.askToDelete(letter.id)}>
              Delete<span class="visually-hidden"> the letter from ${when}</span>
            </button>
          </div>`}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-letters-view': LullLettersView;
  }
}
