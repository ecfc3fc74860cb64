import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { moods, type CheckIn, type Mood } from '../../services/check-in-service';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { describeFailure } from '../../services/data-store';
import { DataController } from '../shared/data-controller';
import { moodWords } from '../shared/messages';
import { chipStyles, controlStyles } from '../shared/shared-styles';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * "How do you feel?" before a session and again after it. After it, one tap keeps the answer as a
 * check-in on this device (another tap changes that same check-in), with the answer before it
 * side by side. Both questions can be skipped; nothing counts days.
 *
 * @fires change - when the person picks a mood
 */
@customElement('lull-mood-check')
export class LullMoodCheck extends LitElement {
  static override styles = [
    controlStyles,
    chipStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        margin: 0;
      }
      .optional {
        font-weight: 400;
        color: var(--lull-muted);
      }
      .compare {
        display: flex;
        gap: 0.25rem 1.5rem;
        flex-wrap: wrap;
      }
      .compare p,
      .saved {
        margin: 0.5rem 0 0;
      }
      .saved:empty {
        display: none;
      }
    `,
  ];

  private readonly _data = new DataController(this, { loader: () => this._loadData, ready: () => undefined });

  @state() private _save: SaveState = { kind: 'idle' };
  /** The check-in this screen keeps, once saved: a later tap updates it. */
  private _saved: CheckIn | undefined;
  /** Saves run one after another, so two quick taps never make two check-ins. */
  private _saving: Promise<void> = Promise.resolve();

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  /** `before`: asked while the session is set up; `after`: asked when it has ended, and kept at once. */
  @property() moment: 'before' | 'after' = 'before';
  /** The answer before the session (kept by the session screen between the two questions). */
  @property({ attribute: false }) moodBefore: Mood | null = null;
  /** The answer after the session. */
  @property({ attribute: false }) moodAfter: Mood | null = null;

  private _onPick(mood: Mood): void {
    if (this.moment === 'before') this.moodBefore = mood;
    else {
      this.moodAfter = mood;
      this._saving = this._saving.then(() => this._keep());
    }
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private async _keep(): Promise<void> {
    this._save = { kind: 'saving' };
    try {
      const { checkIns } = this._data.services ?? (await this._loadData());
      this._saved = this._saved
        ? await checkIns.update({ ...this._saved, moodBefore: this.moodBefore, moodAfter: this.moodAfter })
        : await checkIns.save(this.moodBefore, this.moodAfter);
      this._save = { kind: 'saved' };
    } catch (error) {
      this._save = { kind: 'failed', message: describeFailure(error).message };
    }
  }

  override render() {
    const picked = this.moment === 'before' ? this.moodBefore : this.moodAfter;
    return html`
      <fieldset>
        <legend>${this.moment === 'before' ? html`How do you feel right now? <span class="optional">(you can skip this)</span>` : 'How do you feel now?'}</legend>
        <div class="chips">
          ${moods.map(
            (mood) => html`<label class="chip"
              ><input type="radio" name=${`mood-${this.moment}`} .checked=${picked === mood} @change=${() => this._onPick(mood)} />${moodWords[mood]}</label
            >`,
          )}
        </div>
      </fieldset>
      ${this.moment === 'after' ? this._renderAfter() : nothing}
    `;
  }

  private _renderAfter() {
    const word = (mood: Mood | null) => (mood === null ? 'Not answered' : moodWords[mood]);
    return html`${this.moodBefore !== null && this.moodAfter !== null
        ? html`<div class="compare" aria-label="Before and after">
            <p>Before: <strong>${word(this.moodBefore)}</strong></p>
            <p>After: <strong>${word(this.moodAfter)}</strong></p>
          </div>`
        : nothing}
      <p class="saved" role="status">${this._save.kind === 'saved' ? html`Saved to your check-ins. <a href="/check-ins">See them all</a>` : ''}</p>
      ${this._save.kind === 'failed' ? html`<p role="alert">${this._save.message}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-mood-check': LullMoodCheck;
  }
}
