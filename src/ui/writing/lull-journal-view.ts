import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { JournalDraft, JournalEntry } from '../../services/journal-service';
import { firstLine } from '../shared/data-format';
import { controlStyles, savedListStyles } from '../shared/shared-styles';
import { WritingListView, type WritingListWords } from './writing-list-view';

const journalWords: WritingListWords<JournalEntry> = {
  newLabel: 'New entry',
  loading: 'Opening your journal…',
  empty: 'No entries yet. Whenever you would like to write, start a new entry; it stays on this device.',
  listLabel: 'Journal entries',
  editLabel: 'Edit',
  deleteLabel: 'Delete entry',
  theNoun: 'the entry',
  headingLevel: 2,
  title: (entry) => firstLine(entry.text) || 'Empty entry',
  deleteQuestion: (_entry, when) => `Delete this entry from ${when}? It cannot be brought back.`,
};

/** The journal: entries newest first, a new entry, and the editor for one entry at a time. */
@customElement('lull-journal-view')
export class LullJournalView extends WritingListView<'journal', JournalDraft> {
  static override styles = [controlStyles, savedListStyles];

  protected readonly words = journalWords;

  constructor() {
    super((services) => services.journal);
  }

  override render() {
    const { data } = this.writings;
    return html`
      <h1>Journal</h1>
      <p class="intro">Private to this device. Lull saves as you write.</p>
      ${data.failure ? html`<p role="alert">${data.failure}</p>` : nothing} ${this.renderWritings()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-journal-view': LullJournalView;
  }
}
