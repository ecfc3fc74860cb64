import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { untitledLetter, type Letter, type LetterDraft } from '../../services/letter-service';
import { firstLine } from '../shared/data-format';
import './lull-recorder';
import { sessionHref } from '../shell/routes';
import { controlStyles, savedListStyles } from '../shared/shared-styles';
import { WritingListView, type WritingListWords } from './writing-list-view';

const titleOf = (letter: Letter): string => letter.title.trim() || untitledLetter;

const letterWords: WritingListWords<Letter> = {
  newLabel: 'Write a letter',
  loading: 'Opening your letters…',
  empty: 'No letters yet. There is no hurry; when you feel like writing to the child you were, this is the place.',
  listLabel: 'Letters',
  editLabel: 'Read or change',
  deleteLabel: 'Delete letter',
  theNoun: 'the letter',
  headingLevel: 3,
  title: titleOf,
  deleteQuestion: (letter, when) => `Delete the letter “${titleOf(letter)}” from ${when}? It cannot be brought back.`,
  opening: (letter) => firstLine(letter.text),
};

/**
 * Letters to the person's younger self: the ones written in the letter session and any written
 * here, newest first, each to read, change or delete (after asking); and the letter in their
 * own voice, which the session plays where it makes room for it.
 */
@customElement('lull-letters-view')
export class LullLettersView extends WritingListView<'letters', LetterDraft> {
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

  protected readonly words = letterWords;

  constructor() {
    super((services) => services.letters);
  }

  override render() {
    const { data } = this.writings;
    return html`
      <h1>Letters to your younger self</h1>
      <p class="intro">
        Private to this device. Write one here whenever you like, or let <a href=${sessionHref('letter')}>the letter session</a> guide you, one prompt at a
        time.
      </p>
      ${data.failure ? html`<p role="alert">${data.failure}</p>` : nothing} ${this.renderWritings()}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-letters-view': LullLettersView;
  }
}
