import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { moods, moodWords, type Mood } from '../services/check-in-service';
import { dataContext, loadDataServices, type DataServicesLoader } from '../services/data-context';
import { describeFailure } from '../services/data-store';
import { DataController } from './data-controller';
import { controlStyles } from './shared-styles';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * "How do you feel?" before a session and again after it, side by side once answered, kept as a
 * check-in on this device. Both questions can be skipped; nothing counts days.
 */
@customElement('lull-mood-check')
export class LullMoodCheck extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--lull-border);
        border-radius: 10px;
        margin: 0.75rem 0;
      }
      .scale {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      label {
        display: inline-flex;
        gap: 0.4rem;
        align-items: center;
        min-height: 44px;
      }
      .compare {
        display: flex;
        gap: 2rem;
        flex-wrap: wrap;
      }
    `,
  ];

  private readonly _data = new DataController(this, { loader: () => this._loadData, ready: () => undefined });

  @state() private _save: SaveState = { kind: 'idle' };

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  /** `before`: asked while the session is set up; `after`: asked when it has ended, then saved. */
  @property() moment: 'before' | 'after' = 'before';
  /** The answer before the session (kept by the session screen between the two questions). */
  @property({ attribute: false }) moodBefore: Mood | null = null;
  /** The answer after the session. */
  @property({ attribute: false }) moodAfter: Mood | null = null;

  private _onPick(mood: Mood): void {
    if (this.moment === 'before') this.moodBefore = mood;
    else this.moodAfter = mood;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private async _onSave(): Promise<void> {
    this._save = { kind: 'saving' };
    try {
      const services = this._data.services ?? (await this._loadData());
      await services.checkIns.save(this.moodBefore, this.moodAfter);
      this._save = { kind: 'saved' };
    } catch (error) {
      this._save = { kind: 'failed', message: describeFailure(error).message };
    }
  }

  override render() {
    const question = this.moment === 'before' ? 'How do you feel right now? (you can skip this)' : 'And how do you feel now?';
    const picked = this.moment === 'before' ? this.moodBefore : this.moodAfter;
    return html`
      <fieldset>
        <legend>${question}</legend>
        <div class="scale">
          ${moods.map(
            (mood) => html`<label
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
    return html`<div class="compare" aria-label="Before and after">
        <p>Before: <strong>${word(this.moodBefore)}</strong></p>
        <p>After: <strong>${word(this.moodAfter)}</strong></p>
      </div>
      ${this._save.kind === 'saved'
        ? html`<p role="status">Saved to your check-ins. <a href="/check-ins">See them all</a></p>`
        : html`<button ?disabled=${this._save.kind === 'saving' || (this.moodBefore === null && this.moodAfter === null)} @click=${() => void this._onSave()}>Save this check-in</button>`}
      ${this._save.kind === 'failed' ? html`<p role="alert">${this._save.message}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-mood-check': LullMoodCheck;
  }
}
