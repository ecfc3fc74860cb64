import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { breathPatternLimits, type CustomBreathPattern, type PatternFields, type PatternProblems } from '../../services/breath-patterns-service';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { describeFailure } from '../../services/data-store';
import { describeCustomPattern } from '../../services/pacer-choice';
import { DataController } from '../shared/data-controller';
import { BreathPatternsChangedEvent } from '../shared/events';
import { controlStyles, fieldStyles, keptListStyles } from '../shared/shared-styles';

const emptyFields: PatternFields = { name: '', inhale: '4', hold: '0', exhale: '6', rest: '0' };

const secondsFields = [
  { field: 'inhale', label: 'Breathe in' },
  { field: 'hold', label: 'Hold' },
  { field: 'exhale', label: 'Breathe out' },
  { field: 'rest', label: 'Rest' },
] as const;

const fieldsOf = (pattern: CustomBreathPattern): PatternFields => ({
  name: pattern.name,
  inhale: String(pattern.inhale),
  hold: String(pattern.hold),
  exhale: String(pattern.exhale),
  rest: String(pattern.rest),
});

/**
 * The person's own breathing patterns: a list with edit and delete (which asks first), and a
 * form to make a new one or change one. What was typed stays until it is saved.
 *
 * @fires lull-breath-patterns-changed - A pattern was saved or deleted.
 */
@customElement('lull-breath-pattern-editor')
export class LullBreathPatternEditor extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    keptListStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.2rem;
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 1.05rem;
        margin: 1rem 0 0.25rem;
      }
      .what {
        flex: 1 1 14rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .confirm {
        flex-basis: 100%;
      }
      .confirm p {
        margin: 0.25rem 0 0.5rem;
      }
      form {
        display: grid;
        gap: 0.35rem;
      }
      .seconds {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: 0.5rem 1rem;
      }
      .seconds div {
        display: grid;
        gap: 0.25rem;
        align-content: start;
        min-width: 0;
      }
      .seconds input {
        width: 100%;
        box-sizing: border-box;
      }
      input[aria-invalid='true'] {
        border: 2px solid var(--lull-danger, #a3412c);
      }
      .field-problem {
        color: var(--lull-danger, #a3412c);
        margin: 0;
        min-height: 0;
      }
      @media (prefers-color-scheme: dark) {
        .field-problem {
          color: var(--lull-danger, #f0a08c);
        }
        input[aria-invalid='true'] {
          border-color: var(--lull-danger, #f0a08c);
        }
      }
    `,
  ];

  private readonly _data = new DataController(this, { loader: () => this._loadData, ready: () => undefined });

  @query('input[aria-invalid="true"]') private _firstInvalid: HTMLInputElement | null | undefined;
  @query('#pattern-name') private _nameInput: HTMLInputElement | null | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @state() private _fields: PatternFields = emptyFields;
  @state() private _editing: CustomBreathPattern | undefined;
  @state() private _problems: PatternProblems = {};
  @state() private _confirmingDelete: string | undefined;
  @state() private _failure: string | undefined;
  @state() private _saved = '';

  /** The person's patterns, in the order they made them. */
  @property({ attribute: false }) patterns: readonly CustomBreathPattern[] = [];

  private _onInput(field: keyof PatternFields, event: Event): void {
    this._fields = { ...this._fields, [field]: (event.target as HTMLInputElement).value };
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const services = this._data.services;
    if (!services) return;
    this._saved = '';
    try {
      const result = await services.breathPatterns.save(this._fields, this._editing?.id);
      this._failure = undefined;
      if (!result.ok) {
        this._problems = result.problems;
        await this.updateComplete;
        this._firstInvalid?.focus();
        return;
      }
      this._problems = {};
      this._fields = emptyFields;
      this._editing = undefined;
      this._saved = `Saved “${result.pattern.name}”.`;
      this.dispatchEvent(new BreathPatternsChangedEvent(result.pattern.id));
    } catch (error) {
      // The form keeps what was typed; only the message is new.
      this._failure = `The pattern was not saved: ${describeFailure(error).message}`;
    }
  }

  private _onEdit(pattern: CustomBreathPattern): void {
    this._editing = pattern;
    this._fields = fieldsOf(pattern);
    this._problems = {};
    this._saved = '';
    void this.updateComplete.then(() => this._nameInput?.focus());
  }

  private _onCancelEdit(): void {
    this._editing = undefined;
    this._fields = emptyFields;
    this._problems = {};
  }

  private async _onConfirmDelete(pattern: CustomBreathPattern): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    try {
      await services.breathPatterns.remove(pattern.id);
      this._failure = undefined;
      this._confirmingDelete = undefined;
      if (this._editing?.id === pattern.id) this._onCancelEdit();
      this._saved = `Deleted “${pattern.name}”.`;
      this.dispatchEvent(new BreathPatternsChangedEvent(undefined));
    } catch (error) {
      this._failure = `The pattern was not deleted: ${describeFailure(error).message}`;
    }
  }

  override render() {
    return html`
      <h2 id="own-heading">Your patterns</h2>
      ${this._data.failure ? html`<p role="alert">${this._data.failure}</p>` : nothing} ${this._failure ? html`<p role="alert">${this._failure}</p>` : nothing}
      ${this.patterns.length === 0
        ? html`<p>No patterns of your own yet. Make one below: it is kept on this device.</p>`
        : html`<ul aria-labelledby="own-heading">
            ${this.patterns.map((pattern) => this._renderPattern(pattern))}
          </ul>`}
      <p role="status">${this._saved}</p>
      ${this._problems.count ? html`<p role="alert">${this._problems.count}</p>` : nothing} ${this._renderForm()}
    `;
  }

  private _renderPattern(pattern: CustomBreathPattern) {
    return html`<li>
      <span class="what"><strong dir="auto">${pattern.name}</strong><span class="muted">${describeCustomPattern(pattern)}</span></span>
      ${this._confirmingDelete === pattern.id
        ? html`<div class="confirm" role="group" aria-label=${`Confirm deleting ${pattern.name}`}>
            <p>Delete “${pattern.name}”? It cannot be brought back.</p>
            <div class="actions">
              <button @click=${() => this._onConfirmDelete(pattern)}>Delete pattern</button>
              <button class="quiet" @click=${() => (this._confirmingDelete = undefined)}>Keep it</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button class="quiet" @click=${() => this._onEdit(pattern)}>Edit<span class="visually-hidden"> ${pattern.name}</span></button>
            <button class="quiet" @click=${() => (this._confirmingDelete = pattern.id)}>Delete<span class="visually-hidden"> ${pattern.name}</span></button>
          </div>`}
    </li>`;
  }

  private _renderForm() {
    const problems = this._problems;
    return html`<form @submit=${(event: SubmitEvent) => this._onSubmit(event)} novalidate aria-labelledby="form-heading">
      <h3 id="form-heading">${this._editing ? html`Change “${this._editing.name}”` : 'New pattern'}</h3>
      <label for="pattern-name">Name (up to ${breathPatternLimits.name} characters)</label>
      <input
        id="pattern-name"
        name="name"
        autocomplete="off"
        dir="auto"
        .value=${this._fields.name}
        aria-invalid=${problems.name ? 'true' : 'false'}
        aria-describedby="pattern-name-problem"
        @input=${(event: Event) => this._onInput('name', event)}
      />
      <p id="pattern-name-problem" class="field-problem">${problems.name ?? ''}</p>
      <div class="seconds">
        ${secondsFields.map(({ field, label }) => {
          const { min, max } = breathPatternLimits.seconds[field];
          return html`<div>
            <label for=${`pattern-${field}`}>${label} (seconds, ${min}–${max})</label>
            <input
              id=${`pattern-${field}`}
              name=${field}
              inputmode="decimal"
              autocomplete="off"
              .value=${this._fields[field]}
              aria-invalid=${problems[field] ? 'true' : 'false'}
              aria-describedby=${`pattern-${field}-problem`}
              @input=${(event: Event) => this._onInput(field, event)}
            />
            <p id=${`pattern-${field}-problem`} class="field-problem">${problems[field] ?? ''}</p>
          </div>`;
        })}
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${!this._data.services}>${this._editing ? 'Save changes' : 'Save pattern'}</button>
        ${this._editing ? html`<button type="button" class="quiet" @click=${() => this._onCancelEdit()}>Cancel</button>` : nothing}
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-breath-pattern-editor': LullBreathPatternEditor;
  }
}
