import { css, html, LitElement, nothing, svg } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { customElement, property, state } from 'lit/decorators.js';
import { templateRecordingSlots, type TemplateChoice } from '../engine/plan-template';
import type { PromptWriting, RecordingSlot } from '../engine/script-model';
import type { TimelineEvent } from '../engine/timeline';
import { breathAt, captionAt, fallbackPlaysAt, promptAt, stepIndexAt, tapAt, writingPlaces, writingPromptAt } from '../engine/timeline-queries';
import type { JournalDraft } from '../services/journal-service';
import type { LetterDraft } from '../services/letter-service';
import type { Bus, SessionPlayer } from '../services/session-player';
import { breathRadius, breathWords } from './breath-shape';
import type { DraftChangeEvent } from './events';
import { formatClock, formatMinutesRange, formatSpokenDuration } from './format';
import { PlaybackController } from './playback-controller';
import { readSessionQuery } from './session-query';
import { controlStyles, panelStyles } from './shared-styles';
import { TapVibrationController } from './tap-vibration-controller';
import { WritingHoldController } from './writing-hold-controller';
import './lull-damaged-download';
import './lull-writing-editor';
import './lull-mood-check';
import type { LullMoodCheck } from './lull-mood-check';
import type { Mood } from '../services/check-in-service';

type PromptEvent = Extract<TimelineEvent, { kind: 'prompt' }>;

const busLabels: Record<Bus, string> = { voice: 'Voice', ambience: 'Ambience', cues: 'Bells and cues' };

/** Said on the screen, not by the voice, while a session makes room for a recording not made yet. */
const missingRecordingHints: Record<RecordingSlot, string> = {
  letter: 'Your letter is not recorded yet. On the Letters page you can record it in your own voice, and it will play here next time.',
};

/** Where what the person wrote in a session is kept, said at its end. */
const writingKept: Record<Exclude<PromptWriting, null>, { readonly before: string; readonly link: string; readonly href: string }> = {
  journal: { before: 'What you wrote is kept on this device, in your', link: 'journal', href: '/journal' },
  letter: { before: 'Your letter is kept on this device, under', link: 'Letters', href: '/letters' },
};

/**
 * One session: its settings before it starts (length, choices, content note), then the player:
 * play / pause, previous / next step, progress with step markers, elapsed and remaining time,
 * live captions and the three volumes.
 */
@customElement('lull-session-view')
export class LullSessionView extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      h1,
      .title {
        font-size: 1.6rem;
        margin: 0 0 0.25rem;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
      }
      .play {
        min-width: 7rem;
        font-size: 1.1rem;
      }
      .times {
        display: flex;
        justify-content: space-between;
        color: var(--lull-muted);
        font-variant-numeric: tabular-nums;
      }
      input[type='range'] {
        width: 100%;
        min-height: 44px;
      }
      .markers {
        display: block;
        width: 100%;
        height: 10px;
      }
      .markers rect {
        fill: var(--lull-muted);
      }
      .caption {
        min-height: 3.5rem;
        font-size: 1.25rem;
        line-height: 1.4;
        margin: 0.5rem 0;
      }
      .breath {
        display: flex;
        align-items: center;
        gap: 1rem;
        font-size: 1.2rem;
      }
      .breath circle {
        fill: var(--lull-accent);
        opacity: 0.35;
      }
      fieldset {
        border: 1px solid var(--lull-border);
        border-radius: 10px;
        margin: 0.75rem 0;
      }
      label.option {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        min-height: 44px;
      }
      .volumes label {
        display: block;
        margin-top: 0.5rem;
      }
      .note {
        border-left: 4px solid var(--lull-accent);
        padding-left: 0.75rem;
      }
      .sides {
        display: block;
        width: min(100%, 16rem);
        margin: 0.5rem auto;
      }
      .sides circle {
        fill: var(--lull-surface);
        stroke: var(--lull-accent);
        stroke-width: 3;
        transition: fill 0.12s;
      }
      .sides circle.lit {
        fill: var(--lull-accent);
      }
      .break {
        background: var(--lull-surface);
        color: var(--lull-text);
        border: 2px solid var(--lull-accent);
      }
    `,
  ];

  private readonly _playback = new PlaybackController(this, () => ({ id: this.sessionId, autostart: this.autostart, ...readSessionQuery(this.query) }));

  private readonly _tapVibration = new TapVibrationController(this, () => this._currentTap()?.index);

  private readonly _writingHold = new WritingHoldController(this, () => {
    const status = this._playback.status;
    return status.kind === 'open' ? { player: status.player, position: this._playback.position } : undefined;
  });

  @state() private _showCaptions = true;
  @state() private _noteAccepted = false;
  @state() private _volumes: Record<Bus, number> = { voice: 1, ambience: 1, cues: 1 };
  /** How the person felt before the session, asked again after it. */
  @state() private _moodBefore: Mood | null = null;
  /** One journal entry per reflection prompt of this session, kept while the screen is open. */
  private readonly _answers = new Map<string, JournalDraft>();
  /** The one letter that every letter prompt of this session adds to. */
  private _letter: LetterDraft = { kind: 'letter', id: crypto.randomUUID(), createdAt: Date.now(), title: '', text: '' };

  /** The session to open, by id. */
  @property({ attribute: false }) sessionId = '';
  /** The deep link's settings: `minutes` and one entry per choice. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** Start playing as soon as the session opens (the person already asked for it, e.g. a break). */
  @property({ type: Boolean }) autostart = false;
  /** Inside another screen with its own main heading: the session's title is a level-2 heading. */
  @property({ type: Boolean }) nested = false;
  /** Offer "I need a break" (not inside the break itself). */
  @property({ type: Boolean, attribute: 'offer-break' }) offerBreak = true;

  private _onPlay(player: SessionPlayer) {
    player.togglePlay();
  }

  private _currentTap() {
    const status = this._playback.status;
    return status.kind === 'open' ? tapAt(status.player.currentPlan, this._playback.position) : undefined;
  }

  private _onVibrateTaps(event: Event) {
    this._tapVibration.enabled = (event.target as HTMLInputElement).checked;
    this.requestUpdate();
  }

  private _answerTo(prompt: string): JournalDraft {
    const draft = this._answers.get(prompt) ?? { kind: 'journal', id: crypto.randomUUID(), createdAt: Date.now(), text: '', prompt };
    this._answers.set(prompt, draft);
    return draft;
  }

  /** Going back to a question shows what was written there: the editor is made anew for each one. */
  private _onDraftChange(event: DraftChangeEvent) {
    const { draft } = event;
    if (draft.kind === 'letter') this._letter = draft;
    else if (draft.prompt !== null) this._answers.set(draft.prompt, draft);
  }

  private _onBreak() {
    if (this._playback.status.kind === 'open') this._playback.status.player.takeBreak();
  }

  private _onLength(player: SessionPlayer, event: Event) {
    player.setLength(Number((event.target as HTMLInputElement).value));
  }

  private _onChoice(player: SessionPlayer, choice: string, option: string) {
    player.choose(choice, option);
  }

  private _onSeek(player: SessionPlayer, event: Event) {
    player.seek(Number((event.target as HTMLInputElement).value));
  }

  private _onVolume(player: SessionPlayer, bus: Bus, event: Event) {
    const volume = Number((event.target as HTMLInputElement).value) / 100;
    this._volumes = { ...this._volumes, [bus]: volume };
    player.setVolume(bus, volume);
  }

  override render() {
    const status = this._playback.status;
    switch (status.kind) {
      case 'loading':
        return html`<p aria-live="polite">Opening the session…</p>`;
      case 'failed':
        return html`${this.nested ? html`<h2 class="title">This session cannot open</h2>` : html`<h1>This session cannot open</h1>`}
          <p role="alert" class="problem">${status.message}</p>
          <p><a href="/">Back to the sessions</a></p>`;
      case 'open':
        return this._renderSession(status.player);
    }
  }

  private _renderSession(player: SessionPlayer) {
    const { pack } = player;
    const started = player.state !== 'ready';
    const needsConsent = Boolean(pack.contentNote) && !this._noteAccepted && !started;
    const kept = player.state === 'ended' ? writingPlaces(player.currentPlan).map((place) => writingKept[place]) : [];
    return html`
      ${this.nested ? html`<h2 class="title">${pack.title}</h2>` : html`<h1>${pack.title}</h1>`}
      <p>${pack.description}</p>
      ${this.offerBreak ? html`<p><a class="button break" href="/break" @click=${() => this._onBreak()}>I need a break</a></p>` : nothing}
      ${player.problems.length > 0
        ? html`<div role="status" class="panel">
            <p>Some sounds could not be loaded, so the session plays without them:</p>
            <ul>
              ${player.problems.map((problem) => html`<li>${problem}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${player.damagedDownload ? html`<lull-damaged-download .sessionId=${pack.id}></lull-damaged-download>` : nothing}
      ${player.interrupted ? html`<p role="alert">The sound was interrupted. Press Play to go on from where you were.</p>` : nothing}
      ${started ? nothing : this._renderSetup(player, pack.template.length)}
      ${this._renderPlayer(player, needsConsent)}
      ${player.state === 'ended'
        ? html`<section class="panel" aria-labelledby="after-heading">
            <h2 id="after-heading">How was that?</h2>
            ${kept.map(({ before, link, href }) => html`<p>${before} <a href=${href}>${link}</a>.</p>`)}
            <lull-mood-check moment="after" .moodBefore=${this._moodBefore}></lull-mood-check>
          </section>`
        : nothing}
    `;
  }

  private _renderSetup(player: SessionPlayer, length: { min: number; max: number }) {
    const note = player.pack.contentNote;
    return html`<section class="panel" aria-labelledby="setup-heading">
      <h2 id="setup-heading">Before you start</h2>
      <label for="length">Length: <strong>${player.lengthMinutes} min</strong> (${formatMinutesRange(length.min, length.max)})</label>
      <input
        id="length"
        type="range"
        min=${length.min}
        max=${length.max}
        step="0.5"
        .value=${String(player.lengthMinutes)}
        aria-valuetext=${`${String(player.lengthMinutes)} minutes`}
        @input=${(event: Event) => this._onLength(player, event)}
      />
      ${player.choiceSteps.map((choice) => this._renderChoice(player, choice))}
      <lull-mood-check
        moment="before"
        .moodBefore=${this._moodBefore}
        @change=${(event: Event) => (this._moodBefore = (event.target as LullMoodCheck).moodBefore)}
      ></lull-mood-check>
      ${note
        ? html`<div class="note">
            <p>${note}</p>
            <label class="option">
              <input type="checkbox" .checked=${this._noteAccepted} @change=${(event: Event) => (this._noteAccepted = (event.target as HTMLInputElement).checked)} />
              I understand, and I can stop at any time.
            </label>
          </div>`
        : nothing}
    </section>`;
  }

  private _renderChoice(player: SessionPlayer, choice: TemplateChoice) {
    return html`<fieldset>
      <legend>${choice.question}</legend>
      ${choice.options.map(
        (option) => html`<label class="option">
          <input
            type="radio"
            name=${`choice-${choice.name}`}
            .checked=${player.chosen[choice.name] === option.id}
            @change=${() => this._onChoice(player, choice.name, option.id)}
          />
          ${option.label}
        </label>`,
      )}
    </fieldset>`;
  }

  private _renderPlayer(player: SessionPlayer, needsConsent: boolean) {
    const plan = player.currentPlan;
    const position = this._playback.position;
    const caption = captionAt(plan, position);
    const breath = breathAt(plan, position);
    const prompt = promptAt(plan, position);
    const reflection = this._writingHold.shownPrompt(writingPromptAt(plan, position));
    const step = stepIndexAt(plan, position);
    const missingRecordings = fallbackPlaysAt(plan, position) ? templateRecordingSlots(player.pack.template) : [];
    const playing = player.state === 'playing';
    const playLabel = playing ? 'Pause' : player.state === 'waiting' ? 'Continue' : player.state === 'paused' ? 'Resume' : player.state === 'ended' ? 'Play again' : 'Start';
    return html`<section class="panel" aria-label="Player">
      <div class="controls">
        <button class="quiet" @click=${() => player.previous()} ?disabled=${player.state === 'ready'}>Previous step</button>
        <button class="play" @click=${() => this._onPlay(player)} ?disabled=${needsConsent} aria-describedby=${needsConsent ? 'consent-hint' : nothing}>
          ${playLabel}
        </button>
        <button class="quiet" @click=${() => player.next()} ?disabled=${player.state === 'ended'}>Next step</button>
      </div>
      ${needsConsent ? html`<p id="consent-hint">Read the note above and tick the box to start.</p>` : nothing}
      <label class="visually-hidden" for="position">Position</label>
      <input
        id="position"
        type="range"
        min="0"
        max=${plan.duration}
        step="1"
        .value=${String(position)}
        aria-valuetext=${`${formatSpokenDuration(position)} of ${formatSpokenDuration(plan.duration)}`}
        @change=${(event: Event) => this._onSeek(player, event)}
      />
      <svg class="markers" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true">
        ${plan.steps.map((marker) => svg`<rect x=${(marker.at / plan.duration) * 1000} y="0" width="2" height="10"></rect>`)}
      </svg>
      <div class="times">
        <span>${formatClock(position)} <span class="visually-hidden">elapsed</span></span>
        <span>Step ${step + 1} of ${plan.steps.length}</span>
        <span>−${formatClock(plan.duration - position)} <span class="visually-hidden">remaining</span></span>
      </div>
      ${breath
        ? html`<div class="breath" aria-live="polite">
            <svg width="64" height="64" viewBox="0 0 64 64" aria-hidden="true">
              <circle cx="32" cy="32" r=${breathRadius(breath.phase, breath.progress)}></circle>
            </svg>
            <span>${breathWords[breath.phase]}</span>
          </div>`
        : nothing}
      ${plan.steps.some((planned) => planned.kind === 'taps') ? this._renderTaps(this._currentTap()?.side) : nothing}
      ${prompt ? html`<p class="prompt"><strong>${prompt.text}</strong></p>` : nothing}
      ${player.state === 'waiting' ? html`<p>${this._writingHold.waitingForWriting ? 'Take your time with your words. The session waits for you and goes on when you press Continue.' : 'Take all the time you need. Press Continue when you are ready.'}</p>` : nothing}
      <label class="option"><input type="checkbox" .checked=${this._showCaptions} @change=${() => (this._showCaptions = !this._showCaptions)} /> Captions</label>
      <p class="caption" aria-live="polite" ?hidden=${!this._showCaptions}>${caption?.text ?? ''}</p>
      ${missingRecordings.map((slot) => html`<p class="hint">${missingRecordingHints[slot]}</p>`)}
    </section>
    ${reflection?.writing === 'journal' ? keyed(reflection.text, this._renderReflection(reflection)) : nothing}
    ${reflection?.writing === 'letter' ? this._renderLetter(reflection) : nothing}
    <details class="panel volumes">
      <summary>Volumes</summary>
      ${(['voice', 'ambience', 'cues'] as const).map(
        (bus) => html`<label for=${`volume-${bus}`}>${busLabels[bus]}</label>
          <input id=${`volume-${bus}`} type="range" min="0" max="100" .value=${String(Math.round(this._volumes[bus] * 100))} @input=${(event: Event) => this._onVolume(player, bus, event)} />`,
      )}
    </details>`;
  }

  private _renderTaps(side: 'left' | 'right' | undefined) {
    return html`<div class="taps">
      <svg class="sides" viewBox="0 0 200 60" aria-hidden="true">
        <circle class=${side === 'left' ? 'lit' : ''} data-side="left" cx="50" cy="30" r="24"></circle>
        <circle class=${side === 'right' ? 'lit' : ''} data-side="right" cx="150" cy="30" r="24"></circle>
      </svg>
      ${this._tapVibration.canVibrate
        ? html`<label class="option"><input type="checkbox" .checked=${this._tapVibration.enabled} @change=${(event: Event) => this._onVibrateTaps(event)} /> Vibrate with each tap</label>`
        : html`<p class="hint">This device cannot vibrate, so the taps are sound and light only.</p>`}
    </div>`;
  }

  private _renderReflection(prompt: PromptEvent) {
    return html`<section class="panel" aria-labelledby="reflection-heading" @focusin=${() => this._writingHold.focus(prompt)} @focusout=${() => this._writingHold.blur()} @input=${() => this._writingHold.input()}>
      <h2 id="reflection-heading">Your thoughts</h2>
      <p class="hint">Write as much or as little as you like. It is saved to your journal as you type, and stays on this device.</p>
      <lull-writing-editor .draft=${this._answerTo(prompt.text)} @lull-draft-change=${(event: DraftChangeEvent) => this._onDraftChange(event)}></lull-writing-editor>
    </section>`;
  }

  /** One editor for the whole letter: each prompt labels it anew, and what is written stays. */
  private _renderLetter(prompt: PromptEvent) {
    return html`<section class="panel" aria-labelledby="letter-heading" @focusin=${() => this._writingHold.focus(prompt)} @focusout=${() => this._writingHold.blur()} @input=${() => this._writingHold.input()}>
      <h2 id="letter-heading">Your letter</h2>
      <p class="hint">Each prompt adds to the same letter. It is saved under Letters as you type, and stays on this device.</p>
      <lull-writing-editor .draft=${this._letter} .label=${prompt.text} @lull-draft-change=${(event: DraftChangeEvent) => this._onDraftChange(event)}></lull-writing-editor>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-session-view': LullSessionView;
  }
}
