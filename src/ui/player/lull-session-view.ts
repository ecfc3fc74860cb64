import { consume } from '@lit/context';
import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { TemplateChoice } from '../../engine/plan-template';
import type { PromptWriting, RecordingSlot } from '../../engine/script-model';
import type { SessionPlan } from '../../engine/timeline';
import type { TransportState } from '../../engine/transport';
import type { Mood } from '../../services/check-in-service';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { nowPlayingContext, type NowPlaying } from '../../services/now-playing';
import { startingSettings, type ResumeOffer } from '../../services/session-memory';
import type { JournalDraft } from '../../services/journal-service';
import type { LetterDraft } from '../../services/letter-service';
import { narratorChoiceName } from '../../services/narrator-choice';
import type { Bus, SessionPlayer } from '../../services/session-player';
import { changeTimes, momentAt, type PromptEvent } from '../../services/session-moment';
import { BreakRequestEvent, ImmersiveChangeEvent, ScreenTitleEvent, type DraftChangeEvent } from '../shared/events';
import { formatClock, formatSpokenDuration } from '../shared/format';
import type { LullMoodCheck } from './lull-mood-check';
import { say, sessionFailure } from '../shared/messages';
import { makeHref, narrateHref } from '../shell/routes';
import { isMadeSessionId } from '../../services/made-sessions-service';
import { PlaybackController } from './playback-controller';
import { sessionLinkNotes } from './session-link-notes';
import { readSessionQuery } from '../../services/session-query';
import { SessionMemoryController } from './session-memory-controller';
import { sessionMoment } from './shown-moment';
import { chipStyles, controlStyles, panelStyles } from '../shared/shared-styles';
import { TapVibrationController } from './tap-vibration-controller';
import { WritingHoldController } from './writing-hold-controller';
import './lull-damaged-download';
import './lull-mood-check';
import './lull-session-space';
import '../writing/lull-writing-editor';


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

/** What a link asks for, without `continue` (which says to continue the place left unfinished). */
function linkSettings(query: URLSearchParams): URLSearchParams {
  const settings = new URLSearchParams(query);
  settings.delete('continue');
  return settings;
}

/** "12 min", "7.5 min". */
const formatLength = (minutes: number): string => `${String(minutes)} min`;

/** The volumes a plan has something to play on: no ambience slider for a session without ambience. */
function busesOf(plan: SessionPlan): Bus[] {
  const buses: Bus[] = [];
  if (plan.events.some((event) => event.kind === 'voice')) buses.push('voice');
  if (plan.events.some((event) => event.kind === 'ambience' && event.ambience !== null)) buses.push('ambience');
  if (plan.events.some((event) => event.kind === 'cue')) buses.push('cues');
  return buses;
}

const icons = {
  previous: svg`<path d="M6 5h2.5v14H6zM19 5 9.5 12l9.5 7z"></path>`,
  next: svg`<path d="M15.5 5H18v14h-2.5zM5 5l9.5 7L5 19z"></path>`,
  play: svg`<path d="M8 5l11 7-11 7z"></path>`,
  pause: svg`<path d="M8 5h3v14H8zM13 5h3v14h-3z"></path>`,
};
const icon = (name: keyof typeof icons) => html`<svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">${icons[name]}</svg>`;

/**
 * One session, in three calm states. Before it starts: its title, what it is, its length and
 * choices as a few large controls, the content note, and Start. While it plays: the session's
 * space (a slow visual on the audio clock), large captions, play / pause, previous / next step and
 * progress, with the volumes and captions tucked in one small panel; the app's header folds away.
 * At its end: a closing line, the after-mood (one tap keeps it), a note to write, and the way back.
 *
 * @fires lull-immersive-change - when the session starts, or goes back to its settings
 * @fires lull-screen-title - with the session's title, once it is open
 */
@customElement('lull-session-view')
export class LullSessionView extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    chipStyles,
    css`
      :host {
        display: block;
      }
      h1,
      .title {
        margin: 0 0 0.25rem;
      }
      .compact .title,
      .compact h1 {
        font-size: var(--lull-size-h3);
        color: var(--lull-muted);
        font-weight: 600;
        text-align: center;
      }
      .lede {
        margin: 0 0 1rem;
        color: var(--lull-muted);
      }
      .hint {
        color: var(--lull-muted);
        font-size: var(--lull-size-small);
        margin: 0.35rem 0 0;
      }
      /* Before: a few large settings and Start. */
      .setting {
        margin: 0 0 1rem;
      }
      /* The narrator is remembered from last time: a choice below Start, not a step before it. */
      .narrators {
        margin-top: 1.5rem;
      }
      .own-voice {
        margin: 0.75rem 0 0;
      }
      .quiet-breaths {
        margin-top: 1rem;
      }
      .length-head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        font-weight: 600;
      }
      .length-head span {
        font-size: var(--lull-size-large);
        color: var(--lull-accent);
        font-variant-numeric: tabular-nums;
      }
      #length {
        display: block;
        width: 100%;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        color: var(--lull-muted);
        font-size: var(--lull-size-small);
        margin-top: -0.35rem;
      }
      .content-note {
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 0.6rem 0.9rem;
        margin: 0 0 1rem;
        font-size: var(--lull-size-small);
      }
      .content-note p {
        margin: 0 0 0.35rem;
      }
      label.agree {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        min-height: 44px;
        font-size: var(--lull-size-body);
      }
      .start {
        width: 100%;
        min-height: 52px;
        font-size: var(--lull-size-large);
        font-weight: 600;
      }
      .note {
        border-left: 4px solid var(--lull-accent);
        padding: 0.25rem 0 0.25rem 0.75rem;
        margin: 0 0 1rem;
      }
      .note p {
        margin: 0.2rem 0;
      }
      lull-mood-check {
        margin-top: 1.25rem;
      }
      .resume {
        display: grid;
        gap: 0.6rem;
        margin: 0 0 1.25rem;
      }
      .resume p {
        margin: 0;
      }
      .favourite {
        margin-top: 1.25rem;
      }
      /* Playing: the session's space, large captions, the transport. */
      .playing,
      .closing {
        display: grid;
        gap: 0.5rem;
      }
      .caption {
        min-height: 4.2em;
        margin: 0.25rem 0;
        font-size: var(--lull-size-display);
        line-height: 1.35;
        text-align: center;
      }
      .prompt {
        margin: 0;
        font-size: var(--lull-size-large);
        font-weight: 600;
        text-align: center;
      }
      .waiting {
        margin: 0;
        text-align: center;
        color: var(--lull-muted);
      }
      #position {
        display: block;
        width: 100%;
      }
      .markers {
        display: block;
        width: 100%;
        height: 4px;
        margin-top: -0.7rem;
      }
      .markers rect {
        fill: var(--lull-muted);
        opacity: 0.4;
      }
      .times {
        display: flex;
        justify-content: space-between;
        color: var(--lull-muted);
        font-size: var(--lull-size-small);
        font-variant-numeric: tabular-nums;
      }
      .controls {
        display: flex;
        justify-content: center;
        align-items: center;
        gap: 1.25rem;
        margin: 0.25rem 0;
      }
      .icon {
        fill: currentColor;
      }
      .step {
        width: 52px;
        height: 52px;
        padding: 0;
      }
      .play {
        min-width: 8.5rem;
        min-height: 60px;
        font-size: var(--lull-size-large);
        font-weight: 600;
      }
      details.sound {
        justify-self: center;
        text-align: left;
      }
      details.sound summary {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0 0.75rem;
        color: var(--lull-muted);
        cursor: pointer;
      }
      details.sound[open] {
        justify-self: stretch;
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 0 1rem 0.75rem;
      }
      details.sound label {
        display: block;
        margin-top: 0.5rem;
      }
      details.sound input[type='range'] {
        width: 100%;
      }
      label.option {
        display: flex !important;
        gap: 0.6rem;
        align-items: center;
        min-height: 44px;
      }
      /* The end: a closing moment. */
      .closing {
        text-align: center;
      }
      .closing-line {
        font-size: var(--lull-size-h1);
        margin: 0.25rem 0 0;
      }
      .closing-rest {
        margin: 0;
        color: var(--lull-muted);
      }
      .closing lull-mood-check {
        margin-top: 0.5rem;
        text-align: left;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0.75rem;
        margin-top: 0.5rem;
      }
      .closing .panel {
        text-align: left;
      }
    `,
  ];

  private readonly _memory = new SessionMemoryController(this, {
    sessionId: () => (this.nested ? '' : this.sessionId),
    loader: () => this._loadData,
    nowPlaying: () => this._nowPlaying,
    moodBefore: () => this._moodBefore,
  });

  /** A session on its own screen opens once what is remembered of it is read; one inside another screen (the break) at once. */
  private readonly _playback = new PlaybackController(
    this,
    () => {
      const memory = this._memory.memory;
      if (this.nested) return { id: this.sessionId, autostart: this.autostart, ...readSessionQuery(this.query) };
      if (!memory) return { id: '' };
      return { id: this.sessionId, autostart: this.autostart, ...startingSettings(readSessionQuery(linkSettings(this.query)), memory.resume, memory.remembered) };
    },
    () => (this.nested ? undefined : this._memory.sharing()),
    sessionMoment,
    changeTimes,
  );

  private readonly _tapVibration = new TapVibrationController(this, () => {
    const status = this._playback.status;
    return status.kind === 'open' ? momentAt(status.player.currentPlan, this._playback.position).tap?.index : undefined;
  });

  private readonly _writingHold = new WritingHoldController(this, () => {
    const status = this._playback.status;
    return status.kind === 'open' ? { player: status.player, position: this._playback.position } : undefined;
  });

  @query('#position') private _positionInput?: HTMLInputElement;
  @query('.play') private _playButton?: HTMLButtonElement;
  @query('#closing-heading') private _closingHeading?: HTMLElement;

  @state() private _showCaptions = true;
  /** Still visuals, chosen in Lull (the device's reduced-motion setting is followed as well). */
  @state() private _stillVisuals = false;
  @state() private _noteAccepted = false;
  @state() private _volumes: Record<Bus, number> = { voice: 1, ambience: 1, cues: 1 };
  /** How the person felt before the session, asked again after it. */
  @state() private _moodBefore: Mood | null = null;
  /** Where the person is moving the progress bar to: shown instead of the clock's position until they let go. */
  @state() private _scrub: number | undefined;
  /** The closing moment's note, once the person asked to write one. */
  @state() private _closingNote: JournalDraft | undefined;
  /** One journal entry per reflection prompt of this session, kept while the screen is open. */
  private readonly _answers = new Map<string, JournalDraft>();
  /** The one letter that every letter prompt of this session adds to. */
  private _letter: LetterDraft = { kind: 'letter', id: crypto.randomUUID(), createdAt: Date.now(), title: '', text: '' };
  /** What the link asked for that the session cannot do: said once the session is open. */
  private _linkNotes: readonly string[] = [];
  private _notesFor: SessionPlayer | undefined;
  /** What this screen last told the app: whether it is immersive, and its title. */
  private _toldImmersive = false;
  private _toldTitle: string | undefined;
  /** The state the screen last showed: a change of state can take the focused button away. */
  private _shownState: TransportState | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @consume({ context: nowPlayingContext }) private _nowPlaying: NowPlaying | undefined;
  /** The player whose remembered volumes and captions were applied. */
  private _preferencesFor: SessionPlayer | undefined;
  /** A link from the library's "Continue from 4:12" continues as soon as the session opens, once. */
  private _continuedFor: SessionPlayer | undefined;

  /** The session to open, by id. */
  @property({ attribute: false }) sessionId = '';
  /** The deep link's settings: `minutes` and one entry per choice. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** Start playing as soon as the session opens (the person already asked for it, e.g. a break). */
  @property({ type: Boolean }) autostart = false;
  /** Inside another screen with its own main heading and header: the title is a level-2 heading, and the screen keeps its header. */
  @property({ type: Boolean }) nested = false;

  constructor() {
    super();
    // "I need a break" in the header: the session fades out gently before the break opens.
    this.addEventListener(BreakRequestEvent.eventName, () => {
      this._onBreak();
    });
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query') || changed.has('sessionId')) {
      this._toldImmersive = false;
      this._toldTitle = undefined;
    }
    const status = this._playback.status;
    if (status.kind === 'open' && this._notesFor !== status.player) {
      const { player } = status;
      this._notesFor = player;
      this._linkNotes = sessionLinkNotes(linkSettings(this.query), player.pack.template.length, player.choiceSteps, player.chosen);
    }
    if (status.kind === 'open' && this._preferencesFor !== status.player && (this.nested || this._memory.memory)) this._applyPreferences(status.player);
    if (status.kind === 'open' && this._preferencesFor === status.player) this._continueIfAsked(status.player);
    // Once the pointer or key has let go of the progress bar, it follows the clock again.
    if (this._scrub !== undefined && !this._positionInput?.matches(':active')) this._scrub = undefined;
  }

  override updated(): void {
    const status = this._playback.status;
    const state = status.kind === 'open' ? status.player.state : 'loading';
    this._keepFocus(state);
    if (this.nested) return;
    const immersive = state !== 'loading' && state !== 'ready';
    if (immersive !== this._toldImmersive) {
      this._toldImmersive = immersive;
      this.dispatchEvent(new ImmersiveChangeEvent(immersive));
    }
    const title = status.kind === 'open' ? status.player.pack.title : undefined;
    if (title !== undefined && title !== this._toldTitle) {
      this._toldTitle = title;
      this.dispatchEvent(new ScreenTitleEvent(title));
    }
  }

  /**
   * Start and the transport's buttons give way to the next state's screen: when the button that
   * had the keyboard's focus went with it, focus goes to what replaces it (Pause, or the closing line).
   */
  private _keepFocus(state: TransportState): void {
    const previous = this._shownState;
    this._shownState = state;
    if (previous === state || document.activeElement !== document.body) return;
    if (previous === 'ready' && (state === 'playing' || state === 'waiting')) this._playButton?.focus();
    else if (state === 'ended') this._closingHeading?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._toldImmersive = false;
    this._toldTitle = undefined;
  }

  /** Remembered volumes, captions and vibration, on a session opened here (one taken back from the app has them already). */
  private _applyPreferences(player: SessionPlayer) {
    this._preferencesFor = player;
    const preferences = this._memory.memory?.preferences;
    if (!preferences) return;
    this._volumes = { ...preferences.volumes };
    this._showCaptions = preferences.captions;
    this._stillVisuals = preferences.stillVisuals;
    this._tapVibration.enabled = preferences.tapVibrate;
    if ((player.state === 'ready' || player.state === 'loading') && player.thinsBreathCues) player.setQuietBreaths(preferences.quietBreaths);
    for (const [bus, volume] of Object.entries(preferences.volumes) as [Bus, number][]) player.setVolume(bus, volume);
  }

  /** Opened to continue ("?continue"): the session goes on from its place (once its sounds are ready). */
  private _continueIfAsked(player: SessionPlayer) {
    const resume = this._memory.memory?.resume;
    if (resume && this.query.has('continue') && (player.state === 'ready' || player.state === 'loading') && this._continuedFor !== player) {
      this._continuedFor = player;
      this._onContinue(player, resume);
    }
  }

  private _onStart(player: SessionPlayer) {
    this._memory.rememberStart(player);
    void player.play();
  }

  /** "Continue from 4:12": the length and choices it played with, from where it was. */
  private _onContinue(player: SessionPlayer, resume: ResumeOffer) {
    player.setLength(resume.minutes);
    for (const [choice, option] of Object.entries(resume.choices)) player.choose(choice, option);
    this._memory.rememberStart(player);
    void player.play(resume.position);
  }

  private _onCaptions() {
    this._showCaptions = !this._showCaptions;
    this._memory.rememberFlag('captions', this._showCaptions);
  }

  private _onQuietBreaths(player: SessionPlayer, event: Event) {
    const quiet = (event.target as HTMLInputElement).checked;
    player.setQuietBreaths(quiet);
    this._memory.rememberFlag('quietBreaths', quiet);
  }

  private _onStillVisuals() {
    this._stillVisuals = !this._stillVisuals;
    this._memory.rememberFlag('stillVisuals', this._stillVisuals);
  }

  private _onVibrateTaps(event: Event) {
    this._tapVibration.enabled = (event.target as HTMLInputElement).checked;
    this._memory.rememberFlag('tapVibrate', this._tapVibration.enabled);
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
    else if (draft.id === this._closingNote?.id) this._closingNote = draft;
    else if (draft.prompt !== null) this._answers.set(draft.prompt, draft);
  }

  private _onBreak() {
    if (this._playback.status.kind === 'open') this._playback.status.player.takeBreak();
  }

  private _onLength(player: SessionPlayer, event: Event) {
    player.setLength(Number((event.target as HTMLInputElement).value));
  }

  private _onScrub(event: Event) {
    this._scrub = Number((event.target as HTMLInputElement).value);
  }

  private _onSeek(player: SessionPlayer, event: Event) {
    this._scrub = undefined;
    player.seek(Number((event.target as HTMLInputElement).value));
  }

  private _onVolume(player: SessionPlayer, bus: Bus, event: Event) {
    const volume = Number((event.target as HTMLInputElement).value) / 100;
    this._volumes = { ...this._volumes, [bus]: volume };
    player.setVolume(bus, volume);
  }

  private _onVolumeSet(bus: Bus) {
    this._memory.rememberVolume(bus, this._volumes[bus]);
  }

  private _onWriteNote(title: string) {
    this._closingNote = { kind: 'journal', id: crypto.randomUUID(), createdAt: Date.now(), text: '', prompt: `After “${title}”` };
  }

  override render() {
    const status = this._playback.status;
    switch (status.kind) {
      case 'loading':
        return html`<p class="hint" aria-live="polite">Opening the session…</p>`;
      case 'failed':
        return html`${this._heading('This session cannot open')}
          <p role="alert" class="problem">${sessionFailure(status.error)}</p>
          <p><a class="button quiet" href="/">Back to the sessions</a></p>`;
      case 'open':
        return this._renderSession(status.player);
    }
  }

  private _heading(text: string) {
    return this.nested ? html`<h2 class="title">${text}</h2>` : html`<h1>${text}</h1>`;
  }

  private _renderSession(player: SessionPlayer) {
    switch (player.state) {
      case 'loading':
      case 'ready':
        // Asked to start at once (a break): no settings to flash by, the session's space from the first moment.
        return this.autostart ? this._renderPlaying(player) : this._renderBefore(player);
      case 'ended':
        return this._renderClosing(player);
      case 'playing':
      case 'paused':
      case 'waiting':
        return this._renderPlaying(player);
    }
  }

  private _renderProblems(player: SessionPlayer) {
    return html`${player.problems.length > 0
      ? html`<div role="status" class="panel">
          <p>Some sounds could not be loaded, so the session plays without them:</p>
          <ul>
            ${player.problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>
        </div>`
      : nothing}
    ${player.damagedDownload ? html`<lull-damaged-download .sessionId=${player.pack.id}></lull-damaged-download>` : nothing}
    ${player.interrupted ? html`<p role="alert">The sound was interrupted. Press Resume to go on from where you were.</p>` : nothing}`;
  }

  private _renderBefore(player: SessionPlayer) {
    const { pack } = player;
    const { length } = pack.template;
    const note = pack.contentNote;
    const needsConsent = Boolean(note) && !this._noteAccepted;
    return html`<div class="before">
      ${this._heading(pack.title)}
      <p class="lede">${pack.description}</p>
      ${this._linkNotes.length > 0
        ? html`<div class="note" role="status">
            ${this._linkNotes.map((text) => html`<p>${text}</p>`)}
          </div>`
        : nothing}
      ${this._renderProblems(player)} ${this._renderResume(player)}
      <div class="setting">
        <div class="length-head">
          <label for="length">Length</label>
          <span id="length-value" aria-hidden=${length.min === length.max ? 'false' : 'true'}>${formatLength(player.lengthMinutes)}</span>
        </div>
        ${length.min === length.max
          ? nothing
          : html`<input
                id="length"
                type="range"
                min=${length.min}
                max=${length.max}
                step="0.5"
                .value=${live(String(player.lengthMinutes))}
                aria-valuetext=${`${String(player.lengthMinutes)} minutes`}
                @input=${(event: Event) => this._onLength(player, event)}
              />
              <div class="ends" aria-hidden="true"><span>${formatLength(length.min)}</span><span>${formatLength(length.max)}</span></div>`}
      </div>
      ${player.choiceSteps.map((choice) => this._renderChoice(player, choice))}
      ${note
        ? html`<div class="content-note">
            <p>${note}</p>
            <label class="agree">
              <input type="checkbox" .checked=${this._noteAccepted} @change=${(event: Event) => (this._noteAccepted = (event.target as HTMLInputElement).checked)} />
              I understand, and I can stop at any time.
            </label>
          </div>`
        : nothing}
      <button class="start" @click=${() => this._onStart(player)} ?disabled=${needsConsent} aria-busy=${player.starting ? 'true' : 'false'} aria-describedby=${needsConsent ? 'consent-hint' : nothing}>
        ${player.starting ? 'Starting…' : 'Start'}
      </button>
      ${needsConsent ? html`<p id="consent-hint" class="hint">Read the note above and tick the box to start.</p>` : nothing}
      ${this._renderNarrator(player)} ${this._renderQuietBreaths(player)} ${this._renderOwnVoice(player)}
      <lull-mood-check
        moment="before"
        .moodBefore=${this._moodBefore}
        @change=${(event: Event) => (this._moodBefore = (event.target as LullMoodCheck).moodBefore)}
      ></lull-mood-check>
      ${this._renderFavourite()}
    </div>`;
  }

  /** A session left unfinished in the last day: continue it as it was (its content note was agreed to when it started), or choose anew and Start. */
  private _renderResume(player: SessionPlayer) {
    const resume = this.nested ? undefined : this._memory.memory?.resume;
    if (!resume) return nothing;
    const at = formatClock(resume.position);
    return html`<div class="resume panel">
      <p>You were ${at} into this session, at ${formatLength(resume.minutes)}.</p>
      <button class="start" @click=${() => this._onContinue(player, resume)}>Continue from ${at}</button>
      <p class="hint">Or choose below and press Start to begin again.</p>
    </div>`;
  }

  private _renderFavourite() {
    if (this.nested) return nothing;
    const on = this._memory.favourite;
    return html`<button class="quiet favourite" aria-pressed=${on ? 'true' : 'false'} @click=${() => this._memory.setFavourite(!on)}>
      <span aria-hidden="true">${on ? '★' : '☆'}</span> ${on ? 'In your favourites' : 'Add to favourites'}
    </button>`;
  }

  private _renderChoice(player: SessionPlayer, choice: TemplateChoice) {
    return html`<fieldset class="setting">
      <legend>${choice.question}</legend>
      <div class="chips">
        ${choice.options.map(
          (option) => html`<label class="chip">
            <input
              type="radio"
              name=${`choice-${choice.name}`}
              .checked=${live(player.chosen[choice.name] === option.id)}
              @change=${() => player.choose(choice.name, option.id)}
            />
            ${option.label}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  private _renderNarrator(player: SessionPlayer) {
    const { narrators } = player;
    if (narrators.length < 2) return nothing;
    return html`<fieldset class="setting narrators">
      <legend>Who reads to you</legend>
      <div class="chips">
        ${narrators.map(
          (narrator) => html`<label class="chip">
            <input type="radio" name="narrator" .checked=${live(player.narrator === narrator)} @change=${() => void player.chooseNarrator(narrator)} />
            ${narratorChoiceName(narrator)}
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  /** Breath cues that thin out to tones may fall silent after them: the breaths go on in quiet. */
  private _renderQuietBreaths(player: SessionPlayer) {
    if (!player.thinsBreathCues) return nothing;
    return html`<label class="option quiet-breaths">
      <input type="checkbox" .checked=${live(player.breathsFallQuiet)} @change=${(event: Event) => this._onQuietBreaths(player, event)} />
      After a few breaths with words and tones, let the breathing go on in silence
    </label>`;
  }

  /** The way to read the session in one's own voice, and how much of it already is. */
  private _renderOwnVoice(player: SessionPlayer) {
    const own = player.linesInOwnVoice;
    if (isMadeSessionId(player.pack.id)) {
      return html`<p class="own-voice">
        ${own > 0 ? html`${own === 1 ? 'One line has' : `${String(own)} lines have`} a voice. ` : nothing}<a href=${narrateHref(player.pack.id)}>Give its lines a voice</a> ·
        <a href=${makeHref(player.pack.id)}>Change this session</a>
      </p>`;
    }
    if (!player.pack.narration) return nothing;
    return html`<p class="own-voice">
      ${own > 0 ? html`${own === 1 ? 'One line plays' : `${String(own)} lines play`} in your own voice. ` : nothing}<a href=${narrateHref(player.pack.id)}
        >${own > 0 ? 'Change what you recorded' : 'Read it in your own voice'}</a
      >
    </p>`;
  }

  private _renderPlaying(player: SessionPlayer) {
    const plan = player.currentPlan;
    const position = this._playback.position;
    const { caption, prompt, writingPrompt, step, fallbackPlays } = momentAt(plan, position);
    const reflection = this._writingHold.shownPrompt(writingPrompt);
    const missingRecordings = fallbackPlays ? player.recordingSlots : [];
    const state = player.state;
    const playLabel = state === 'playing' ? 'Pause' : state === 'waiting' ? 'Continue' : state === 'paused' ? 'Resume' : 'Start';
    return html`<div class="playing compact">
        ${this._heading(player.pack.title)} ${this._renderProblems(player)}
        <lull-session-space .plan=${plan} .position=${position} ?still=${this._stillVisuals} ?playing=${state === 'playing'}></lull-session-space>
        ${prompt ? html`<p class="prompt">${prompt.text}</p>` : nothing}
        <p class="caption" aria-live="polite" ?hidden=${!this._showCaptions}>${caption?.text ?? ''}</p>
        ${missingRecordings.map((slot) => html`<p class="hint">${missingRecordingHints[slot]}</p>`)}
        ${state === 'waiting'
          ? html`<p class="waiting">
              ${this._writingHold.waitingForWriting
                ? 'Take your time with your words. The session waits for you and goes on when you press Continue.'
                : 'Take all the time you need. Press Continue when you are ready.'}
            </p>`
          : nothing}
        <div class="transport">
          <label class="visually-hidden" for="position">Position</label>
          <input
            id="position"
            type="range"
            min="0"
            max=${plan.duration}
            step="1"
            .value=${String(this._scrub ?? position)}
            aria-valuetext=${`${formatSpokenDuration(position)} of ${formatSpokenDuration(plan.duration)}`}
            @input=${(event: Event) => this._onScrub(event)}
            @change=${(event: Event) => this._onSeek(player, event)}
          />
          <svg class="markers" viewBox="0 0 1000 4" preserveAspectRatio="none" aria-hidden="true">
            ${plan.steps.map((marker) => svg`<rect x=${(marker.at / plan.duration) * 1000} y="0" width="2" height="4"></rect>`)}
          </svg>
          <div class="times">
            <span>${formatClock(position)} <span class="visually-hidden">elapsed</span></span>
            <span>Step ${step + 1} of ${plan.steps.length}</span>
            <span>−${formatClock(plan.duration - position)} <span class="visually-hidden">remaining</span></span>
          </div>
          <div class="controls">
            <button class="quiet step" @click=${() => player.previous()}>${icon('previous')}<span class="visually-hidden">Previous step</span></button>
            <button class="play" @click=${() => player.togglePlay()}>${icon(state === 'playing' ? 'pause' : 'play')} ${playLabel}</button>
            <button class="quiet step" @click=${() => player.next()}>${icon('next')}<span class="visually-hidden">Next step</span></button>
          </div>
        </div>
        ${this._renderSound(player)}
      </div>
      ${reflection?.writing === 'journal' ? keyed(reflection.text, this._renderReflection(reflection)) : nothing}
      ${reflection?.writing === 'letter' ? this._renderLetter(reflection) : nothing}`;
  }

  /** Volumes and captions, tucked in one small panel. */
  private _renderSound(player: SessionPlayer) {
    const plan = player.currentPlan;
    const hasTaps = plan.steps.some((planned) => planned.kind === 'taps');
    return html`<details class="sound">
      <summary>Sound and captions</summary>
      <label class="option"><input type="checkbox" .checked=${this._showCaptions} @change=${() => this._onCaptions()} /> Captions</label>
      <label class="option"><input type="checkbox" .checked=${this._stillVisuals} @change=${() => this._onStillVisuals()} /> Keep the visuals still</label>
      ${hasTaps
        ? this._tapVibration.canVibrate
          ? html`<label class="option"><input type="checkbox" .checked=${this._tapVibration.enabled} @change=${(event: Event) => this._onVibrateTaps(event)} /> Vibrate with each tap</label>`
          : html`<p class="hint">This device cannot vibrate, so the taps are sound and light only.</p>`
        : nothing}
      ${busesOf(plan).map(
        (bus) => html`<label for=${`volume-${bus}`}>${busLabels[bus]}</label>
          <input
            id=${`volume-${bus}`}
            type="range"
            min="0"
            max="100"
            .value=${String(Math.round(this._volumes[bus] * 100))}
            @input=${(event: Event) => this._onVolume(player, bus, event)}
            @change=${() => this._onVolumeSet(bus)}
          />`,
      )}
    </details>`;
  }

  private _renderClosing(player: SessionPlayer) {
    const { pack } = player;
    // A box the person is still writing in stays until they leave it.
    const kept = this._writingHold.shownPrompt(undefined);
    const places = player.writingKeptIn.map((place) => writingKept[place]);
    return html`<section class="closing compact" aria-labelledby="closing-heading">
        ${this._heading(pack.title)}
        <lull-session-space small .plan=${player.currentPlan} .position=${this._playback.position} ?still=${this._stillVisuals}></lull-session-space>
        <h2 id="closing-heading" class="closing-line" tabindex="-1">${say('closing-line')}</h2>
        <p class="closing-rest">${say('closing-rest')}</p>
        ${places.map(({ before, link, href }) => html`<p class="closing-rest">${before} <a href=${href}>${link}</a>.</p>`)}
        <lull-mood-check
          moment="after"
          .moodBefore=${this._moodBefore}
          @change=${(event: Event) => this._memory.moodAfter(player, (event.target as LullMoodCheck).moodAfter)}
        ></lull-mood-check>
        ${this._closingNote
          ? html`<div class="panel">
              <lull-writing-editor .draft=${this._closingNote} @lull-draft-change=${(event: DraftChangeEvent) => this._onDraftChange(event)}></lull-writing-editor>
            </div>`
          : html`<p><button class="quiet" @click=${() => this._onWriteNote(pack.title)}>Write a note</button></p>`}
        <div class="actions">
          <a class="button" href="/">Back to the sessions</a>
          <button class="quiet" @click=${() => void player.play()}>Play again</button>
        </div>
      </section>
      ${kept?.writing === 'journal' ? keyed(kept.text, this._renderReflection(kept)) : nothing} ${kept?.writing === 'letter' ? this._renderLetter(kept) : nothing}`;
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
