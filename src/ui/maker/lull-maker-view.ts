import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, queryAll, state } from 'lit/decorators.js';
import type { PracticeKind } from '../../engine/script-model';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { describeFailure } from '../../services/data-store';
import { checkDraft, draftLimits, newStep, practiceKinds, stepPreviewScript, type DraftCheck, type DraftStep, type MadeSession, type SessionDraft } from '../../services/made-sessions-service';
import type { SessionPlayer } from '../../services/session-player';
import { exportSessionFile } from '../../services/session-file';
import { practiceLabels } from '../library/practice-labels';
import { DataController } from '../shared/data-controller';
import { ScreenTitleEvent } from '../shared/events';
import { goTo } from '../shared/go-to';
import { controlStyles, fieldStyles, panelStyles } from '../shared/shared-styles';
import { narrateHref, sessionHref } from '../shell/routes';
import { AutosaveController } from '../writing/autosave-controller';
import { stepFields, stepLabels } from './step-fields';

type Status = { readonly kind: 'loading' } | { readonly kind: 'missing' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'open' };

const addable: readonly DraftStep['kind'][] = ['say', 'pause', 'breathe', 'taps', 'bell', 'ambience', 'prompt'];

/**
 * The session maker: a session's details and its steps, each with its own fields and the
 * problems the engine finds in it, saved as the person goes (like the journal).
 */
@customElement('lull-maker-view')
export class LullMakerView extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    panelStyles,
    css`
      :host {
        display: block;
        max-width: 44rem;
      }
      h1 {
        margin-bottom: 0.25rem;
      }
      .intro,
      .hint,
      .saved {
        color: var(--lull-muted);
      }
      .saved {
        min-height: 1.5em;
        margin: 0 0 0.5rem;
      }
      label,
      .group-label {
        display: block;
        margin: 0.75rem 0 0.25rem;
        font-weight: 600;
      }
      label.check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 400;
        min-height: 44px;
        margin: 0.25rem 0;
      }
      textarea,
      select {
        box-sizing: border-box;
        width: 100%;
        font: inherit;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--lull-muted);
        border-radius: 8px;
        background: var(--lull-bg);
        color: var(--lull-text);
      }
      select {
        min-height: 44px;
      }
      input:not([type='checkbox']) {
        width: 100%;
        max-width: 10rem;
      }
      input.wide {
        max-width: none;
      }
      .range {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
        align-items: end;
      }
      .range .group-label,
      .range .hint {
        flex-basis: 100%;
      }
      .range label {
        font-weight: 400;
      }
      .lengths {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
      }
      .lengths label {
        font-weight: 400;
      }
      ol.steps {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75rem;
      }
      .step {
        margin: 0;
      }
      .step h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .step-actions,
      .add,
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.75rem;
      }
      .problems {
        margin: 0.5rem 0 0;
        padding-left: 1.25rem;
        color: var(--lull-danger, #a3412c);
      }
      .problem-count {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: 'session-id' }) sessionId = '';

  @state() private _status: Status = { kind: 'loading' };
  @state() private _draft: SessionDraft | undefined;
  @state() private _check: DraftCheck | undefined;
  @state() private _message: string | undefined;
  private _created = 0;
  private _revision = 0;
  /** The step to focus after the next render (one just added or moved). */
  private _focusStep: string | undefined;
  private _checking = 0;
  /** The one step being heard on its own, and its player (disposed when it ends, stops or the screen goes). */
  @state() private _preview: { readonly stepId: string; readonly player?: SessionPlayer; readonly problem?: string } | undefined;
  private _previewUnsubscribe: (() => void) | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  private readonly _data = new DataController(this, { loader: () => this._loadData, ready: () => void this._open() });

  private readonly _autosave = new AutosaveController<SessionDraft>(this, async (draft) => {
    const services = this._data.services;
    if (!services) throw new Error('The part that keeps your data is not ready yet.');
    const { outcome, session } = await services.madeSessions.save(draft, this._created, this._revision);
    this._revision = session.revision;
    if (outcome === 'kept-as-copy') {
      this._message = 'This session was changed in another window, so your changes here were kept as a copy. You are now editing the copy.';
      this._created = session.createdAt;
      this._draft = session;
      history.replaceState(null, '', `/make/${session.id}`);
    }
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId') && this._data.services) void this._open();
  }

  @queryAll('ol.steps h3') private _stepTitles!: NodeListOf<HTMLElement>;

  protected override updated(): void {
    if (this._focusStep === undefined) return;
    const id = `step-${this._focusStep}-title`;
    this._focusStep = undefined;
    [...this._stepTitles].find((title) => title.id === id)?.focus();
  }

  private async _open(): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    this._status = { kind: 'loading' };
    try {
      const session = await services.madeSessions.get(this.sessionId);
      if (!session) {
        this._status = { kind: 'missing' };
        return;
      }
      this._take(session);
      this._status = { kind: 'open' };
    } catch (error) {
      this._status = { kind: 'failed', message: describeFailure(error).message };
    }
  }

  private _take(session: MadeSession): void {
    this._draft = session;
    this._created = session.createdAt;
    this._revision = session.revision;
    this.dispatchEvent(new ScreenTitleEvent(`Making “${session.title}”`));
    void this._recheck(session);
  }

  private async _recheck(draft: SessionDraft): Promise<void> {
    const attempt = (this._checking += 1);
    const check = await checkDraft(draft);
    if (attempt === this._checking) this._check = check;
  }

  private _edit(draft: SessionDraft): void {
    this._draft = draft;
    this._autosave.edit(draft);
    void this._recheck(draft);
  }

  private _changeStep(index: number, step: DraftStep): void {
    const draft = this._draft;
    if (!draft) return;
    this._edit({ ...draft, steps: draft.steps.map((other, at) => (at === index ? step : other)) });
  }

  private _addStep(kind: DraftStep['kind']): void {
    const draft = this._draft;
    if (!draft || draft.steps.length >= draftLimits.steps) return;
    const step = newStep(kind);
    this._focusStep = step.id;
    this._edit({ ...draft, steps: [...draft.steps, step] });
  }

  private _moveStep(index: number, by: -1 | 1): void {
    const draft = this._draft;
    const step = draft?.steps[index];
    if (!draft || !step) return;
    const steps = [...draft.steps];
    steps.splice(index, 1);
    steps.splice(index + by, 0, step);
    this._focusStep = step.id;
    this._edit({ ...draft, steps });
  }

  private _removeStep(index: number): void {
    const draft = this._draft;
    if (!draft) return;
    const steps = draft.steps.filter((_, at) => at !== index);
    this._focusStep = steps[Math.min(index, steps.length - 1)]?.id;
    this._edit({ ...draft, steps });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopPreview();
  }

  /** Plays one step alone with the session's sounds (and its recorded line, if it has one). */
  private async _startPreview(index: number): Promise<void> {
    const draft = this._draft;
    const step = draft?.steps[index];
    if (!draft || !step) return;
    this._stopPreview();
    this._preview = { stepId: step.id };
    const script = await stepPreviewScript(draft, index);
    if (this._preview.stepId !== step.id) return;
    if (!script) {
      this._preview = { stepId: step.id, problem: 'Fix this step first, then you can hear it.' };
      return;
    }
    const { SessionPlayer } = await import('../../services/session-player');
    const player = await SessionPlayer.openBuilt(script, { minutes: 1 });
    if (this._preview.stepId !== step.id || this._preview.player) {
      player.dispose();
      return;
    }
    this._preview = { stepId: step.id, player };
    this._previewUnsubscribe = player.subscribe(() => {
      if (player.state === 'ended') this._stopPreview();
    });
    await player.play();
  }

  private _stopPreview(): void {
    this._previewUnsubscribe?.();
    this._previewUnsubscribe = undefined;
    this._preview?.player?.dispose();
    this._preview = undefined;
  }

  private async _share(): Promise<void> {
    const draft = this._draft;
    const services = this._data.services;
    if (!draft || !services) return;
    try {
      await this._autosave.settle();
      const file = await exportSessionFile(services, draft.id);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = file.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      this._message = `Saved as ${file.name}. Whoever opens it in Lull gets this session, with any lines you recorded.`;
    } catch (error) {
      this._message = describeFailure(error).message;
    }
  }

  private async _delete(): Promise<void> {
    const draft = this._draft;
    const services = this._data.services;
    if (!draft || !services) return;
    if (!confirm(`Delete “${draft.title}” and any lines you recorded for it? This cannot be undone.`)) return;
    try {
      await this._autosave.settle();
      await services.madeSessions.remove(draft.id);
      goTo('/');
    } catch (error) {
      this._message = describeFailure(error).message;
    }
  }

  override render() {
    switch (this._status.kind) {
      case 'loading':
        return html`<p>Opening your session…</p>`;
      case 'missing':
        return html`<h1>This session is not here</h1>
          <p>There is no session you made with this address on this device. It may have been deleted, or made on another device.</p>
          <p><a href="/">Back to the sessions</a></p>`;
      case 'failed':
        return html`<p role="alert">${this._status.message}</p>`;
      case 'open':
        return this._draft ? this._renderDraft(this._draft) : nothing;
    }
  }

  private _renderDraft(draft: SessionDraft) {
    const check = this._check;
    const problemCount = check ? check.details.length + [...check.steps.values()].reduce((sum, list) => sum + list.length, 0) : 0;
    const playable = check?.script !== undefined;
    return html`
      <h1 dir="auto">${draft.title || 'Untitled session'}</h1>
      <p class="intro">Your own words, timed and voiced like the other sessions. Everything stays on this device.</p>
      <p class="saved" role="status">${this._saveStatus()}</p>
      ${this._message ? html`<p role="alert">${this._message}</p>` : nothing}
      <section class="panel" aria-labelledby="details-title">
        <h2 id="details-title">About this session</h2>
        <label for="title">Title</label>
        <input id="title" class="wide" maxlength=${draftLimits.titleCharacters} .value=${draft.title} @input=${(event: Event) => this._edit({ ...draft, title: (event.target as HTMLInputElement).value })} />
        <label for="description">A sentence or two shown in the library</label>
        <textarea id="description" rows="2" maxlength=${draftLimits.descriptionCharacters} .value=${draft.description} @input=${(event: Event) => this._edit({ ...draft, description: (event.target as HTMLTextAreaElement).value })}></textarea>
        <label for="practice">Kind of practice</label>
        <select id="practice" @change=${(event: Event) => this._edit({ ...draft, practice: (event.target as HTMLSelectElement).value as PracticeKind })}>
          ${practiceKinds.map((kind) => html`<option value=${kind} ?selected=${kind === draft.practice}>${practiceLabels[kind]}</option>`)}
        </select>
        <div class="lengths" role="group" aria-labelledby="lengths-label">
          <span id="lengths-label" class="group-label">Length in minutes (you choose any length in the range when you play it)</span>
          ${(['min', 'default', 'max'] as const).map(
            (key) =>
              html`<label
                >${{ min: 'Shortest', default: 'Usual', max: 'Longest' }[key]}
                <input
                  type="number"
                  inputmode="decimal"
                  min="1"
                  max=${draftLimits.longestMinutes}
                  step="1"
                  .value=${String(draft.length[key])}
                  @input=${(event: Event) => this._edit({ ...draft, length: { ...draft.length, [key]: Number((event.target as HTMLInputElement).value) } })}
              /></label>`,
          )}
        </div>
        ${this._problems(check?.details ?? [], 'details-problems')}
      </section>
      <h2>Steps</h2>
      ${draft.steps.length === 0 ? html`<p>No steps yet. Add a spoken line to begin.</p>` : nothing}
      <ol class="steps">
        ${draft.steps.map((step, index) => this._renderStep(draft, step, index, check?.steps.get(index) ?? []))}
      </ol>
      <div class="add" role="group" aria-label="Add a step">
        ${addable.map((kind) => html`<button class="quiet" @click=${() => this._addStep(kind)} ?disabled=${draft.steps.length >= draftLimits.steps}>Add ${stepLabels[kind].toLowerCase()}</button>`)}
      </div>
      <section class="panel" aria-labelledby="ready-title">
        <h2 id="ready-title">Play and share</h2>
        ${playable
          ? html`<p>It is ready to play.</p>`
          : html`<p class="problem-count">${check ? `${problemCount === 1 ? 'One thing' : `${String(problemCount)} things`} to fix first: ${problemCount === 1 ? 'it is' : 'each is'} shown above, where it belongs.` : 'Checking…'}</p>`}
        <div class="actions">
          ${playable ? html`<a class="button primary" href=${sessionHref(draft.id)}>Play</a>` : html`<button class="primary" disabled>Play</button>`}
          <a class="button quiet" href=${narrateHref(draft.id)}>Give its lines a voice</a>
          <button class="quiet" @click=${() => void this._share()}>Share as a file</button>
          <button class="quiet" @click=${() => void this._delete()}>Delete this session</button>
        </div>
      </section>
    `;
  }

  private _renderStep(draft: SessionDraft, step: DraftStep, index: number, problems: readonly string[]) {
    const titleId = `step-${step.id}-title`;
    return html`<li class="step panel" aria-labelledby=${titleId}>
      <h3 id=${titleId} tabindex="-1">${index + 1}. ${stepLabels[step.kind]}</h3>
      ${stepFields(step, (changed) => this._changeStep(index, changed))} ${this._problems(problems, `step-${step.id}-problems`)}
      <div class="step-actions">
        ${this._renderPreview(step, index)}
        <button class="quiet" ?disabled=${index === 0} @click=${() => this._moveStep(index, -1)}>Move up <span class="visually-hidden">step ${index + 1}</span></button>
        <button class="quiet" ?disabled=${index === draft.steps.length - 1} @click=${() => this._moveStep(index, 1)}>Move down <span class="visually-hidden">step ${index + 1}</span></button>
        <button class="quiet" @click=${() => this._removeStep(index)}>Remove <span class="visually-hidden">step ${index + 1}</span></button>
      </div>
    </li>`;
  }

  private _renderPreview(step: DraftStep, index: number) {
    const preview = this._preview?.stepId === step.id ? this._preview : undefined;
    if (!preview) return html`<button class="quiet" @click=${() => void this._startPreview(index)}>Hear it <span class="visually-hidden">(step ${index + 1})</span></button>`;
    if (preview.problem) return html`<span role="status">${preview.problem}</span>`;
    return html`<button class="quiet" @click=${() => this._stopPreview()}>Stop <span class="visually-hidden">hearing step ${index + 1}</span></button>
      <span role="status" class="hint">${preview.player ? 'Playing this step…' : 'Getting it ready…'}</span>`;
  }

  private _problems(problems: readonly string[], id: string) {
    if (problems.length === 0) return nothing;
    return html`<ul class="problems" id=${id} aria-label="To fix">
      ${problems.map((problem) => html`<li>${problem}</li>`)}
    </ul>`;
  }

  private _saveStatus(): string {
    const status = this._autosave.status;
    switch (status.kind) {
      case 'idle':
        return 'Saved on this device.';
      case 'saving':
        return 'Saving…';
      case 'saved':
        return 'Saved on this device.';
      case 'failed':
        return status.failure.message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-maker-view': LullMakerView;
  }
}
