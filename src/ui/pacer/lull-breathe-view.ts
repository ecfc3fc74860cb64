import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BreathCue, Script } from '../../engine/script-model';
import type { CustomBreathPattern } from '../../services/breath-patterns-service';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import type { DataServices } from '../../services/data-services';
import { describeFailure } from '../../services/data-store';
import { nowPlayingContext, type NowPlaying } from '../../services/now-playing';
import {
  fitLength,
  maxCycles,
  pacerDefaults,
  pacerMinutes,
  pacerPatterns,
  pacerScriptOf,
  pacerSettings,
  patternOf,
  readPacerChoice,
  switchLength,
  type PacerChoice,
  type PacerPattern,
} from '../../services/pacer-choice';
import { favouritesFirst } from '../../services/session-memory';
import type { SessionPlayer } from '../../services/session-player';
import { BreathPhaseController } from './breath-phase-controller';
import { breathMotion, breathRadius, breathShape, breathShapeStyles, breathWords, steadyRadius } from '../player/breath-shape';
import { DataController } from '../shared/data-controller';
import { BreakRequestEvent, ImmersiveChangeEvent, type BreathPatternsChangedEvent } from '../shared/events';
import { formatClock } from '../shared/format';
import './lull-breath-pattern-editor';
import { MediaQueryController } from '../shared/media-query-controller';
import { formatPacerLength, pacerRestingWords, phaseSecondsLeft } from './pacer-format';
import { pacerMoment } from '../player/shown-moment';
import { say } from '../shared/messages';
import { PlaybackController } from '../player/playback-controller';
import type { ShapeMotion } from '../player/shape-motion';
import { controlStyles, panelStyles } from '../shared/shared-styles';
import { WakeLockController } from './wake-lock-controller';

const cueLabels: Readonly<Record<BreathCue, string>> = {
  voice: 'Soft voice',
  'voice-then-tone': 'Words, then tones',
  'voice-then-quiet': 'Words, then tones, then silence',
  tone: 'Tone',
  none: 'Silent',
};
/** The cues in the order offered: the thinning ones next to the voice they begin with. */
const offeredCues: readonly BreathCue[] = ['voice', 'voice-then-tone', 'voice-then-quiet', 'tone', 'none'];

/**
 * The breathing pacer: a pattern (preset or the person's own), a length in minutes or breaths and
 * a cue, then a circle and words that breathe with the audio clock. It keeps the screen awake
 * while it plays, can pulse at each change of breath, and remembers the settings on this device.
 * Deep links (`/breathe?pattern=box&minutes=5`, `?pattern=4-7-8&cycles=8&cue=tone`) open ready to start.
 *
 * @fires lull-immersive-change - when the pacer starts playing, and when it stops
 */
@customElement('lull-breathe-view')
export class LullBreatheView extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    breathShapeStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 0.5rem;
      }
      .lede {
        margin: 0;
        color: var(--lull-muted);
      }
      .note {
        border-left: 4px solid var(--lull-accent);
        padding-left: 0.75rem;
      }
      .note p {
        margin: 0.25rem 0;
      }
      .pacer {
        display: grid;
        justify-items: center;
        gap: 0.5rem;
        margin: 0.5rem 0 1rem;
      }
      .phase {
        margin: 0;
        font-size: var(--lull-size-display);
        text-align: center;
      }
      .count {
        display: block;
        font-size: var(--lull-size-large);
        color: var(--lull-muted);
        font-variant-numeric: tabular-nums;
        min-height: 1.6rem;
      }
      .bar {
        width: min(80vw, 18rem);
        height: 10px;
      }
      .bar .track {
        fill: var(--lull-border);
      }
      .bar .fill {
        fill: var(--lull-accent);
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        justify-content: center;
      }
      .play {
        min-width: 7rem;
        font-size: var(--lull-size-large);
      }
      .times {
        display: flex;
        justify-content: space-between;
        color: var(--lull-muted);
        font-variant-numeric: tabular-nums;
        margin-top: 0.75rem;
      }
      label.option {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        min-height: 44px;
      }
      .pattern {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      .star {
        border-color: transparent;
        padding: 0;
        font-size: 1.2rem;
        color: var(--lull-accent);
      }
      .muted {
        color: var(--lull-muted);
      }
      .kinds {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
      }
      input[type='number'] {
        font: inherit;
        min-height: 44px;
        width: 7rem;
        padding: 0 0.75rem;
        border: 1px solid var(--lull-muted);
        border-radius: 8px;
        background: var(--lull-bg);
        color: var(--lull-text);
        display: block;
        margin-top: 0.25rem;
      }
      .field-problem {
        color: var(--lull-danger, #a3412c);
        margin: 0.25rem 0 0;
      }
      @media (prefers-color-scheme: dark) {
        .field-problem {
          color: var(--lull-danger, #f0a08c);
        }
      }
    `,
  ];

  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: (services) => void this._load(services),
    changed: () => {
      if (this._data.services) void this._load(this._data.services);
    },
  });
  /** The pacer plays on while the person moves to another screen, and this screen takes it back. */
  private readonly _playback = new PlaybackController(
    this,
    () => ({ script: this._script }),
    () => {
      const nowPlaying = this._nowPlaying;
      if (!nowPlaying) return undefined;
      return {
        nowPlaying,
        key: 'breathe',
        keep: (player) => ({ key: 'breathe', href: '/breathe', title: 'Breathing pacer', player, close: () => player.dispose() }),
      };
    },
    (plan, position) => pacerMoment(plan, position, this._reducedMotion.matches),
  );
  private readonly _breath = new BreathPhaseController(this, () => {
    const status = this._playback.status;
    if (status.kind !== 'open') return undefined;
    return { plan: status.player.currentPlan, position: this._playback.position, playing: status.player.state === 'playing', vibrate: this._vibrate };
  });
  private readonly _reducedMotion = new MediaQueryController(this, '(prefers-reduced-motion: reduce)');
  private readonly _wakeLock = new WakeLockController(this, () => this._playback.status.kind === 'open' && this._playback.status.player.state === 'playing');

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @consume({ context: nowPlayingContext }) private _nowPlaying: NowPlaying | undefined;
  /** The patterns the person marked as favourites: listed first. */
  @state() private _favourites: readonly string[] = [];
  /** Still visuals, chosen in a session's sound panel (the device's reduced-motion setting is followed as well). */
  @state() private _stillVisuals = false;
  /** The person's own patterns, once read. */
  @state() private _customs: readonly CustomBreathPattern[] | undefined;
  /** What the pacer will play; unset until the stored settings and the link are read. */
  @state() private _choice: PacerChoice | undefined;
  /** What a link asked for that the pacer could not do, and what it does instead. */
  @state() private _notes: readonly string[] = [];
  @state() private _vibrate = false;
  @state() private _lengthProblem: string | undefined;
  @state() private _problem: string | undefined;

  /** The link's settings: `pattern`, `minutes` or `cycles`, `cue`. */
  @property({ attribute: false }) query = new URLSearchParams();

  /** Every pattern on offer (derived in `willUpdate`). */
  private _patterns: readonly PacerPattern[] = pacerPatterns([]);
  /** The script the player plays, rebuilt only when the settings change. */
  private _script: Script | undefined;
  private _scriptKey = '';
  /** The query whose settings were last applied. */
  private _linked: URLSearchParams | undefined;

  /** Whether the app was last told this screen is immersive (the pacer plays). */
  private _toldImmersive = false;

  constructor() {
    super();
    // "I need a break" in the header: the pacer fades out gently before the break opens.
    this.addEventListener(BreakRequestEvent.eventName, () => {
      this._onBreak();
    });
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this._choice && this._data.failure) {
      // Without the storage code the presets still play; the failure is shown.
      this._customs = [];
      this._applyLink(pacerDefaults);
    }
    if (changed.has('query') && this._choice && this.query !== this._linked) this._applyLink(this._choice);
    this._patterns = pacerPatterns(this._customs ?? []);
    if (!this._choice) return;
    const key = JSON.stringify(pacerSettings(this._choice, this._patterns));
    if (key !== this._scriptKey) {
      this._scriptKey = key;
      this._script = pacerScriptOf(this._choice, this._patterns);
    }
  }

  override updated(): void {
    const state = this._playback.status.kind === 'open' ? this._playback.status.player.state : undefined;
    const immersive = state === 'playing' || state === 'paused' || state === 'waiting';
    if (immersive === this._toldImmersive) return;
    this._toldImmersive = immersive;
    this.dispatchEvent(new ImmersiveChangeEvent(immersive));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._toldImmersive = false;
  }

  private async _load(services: DataServices): Promise<void> {
    try {
      const customs = await services.breathPatterns.list();
      const remembered = await services.breathPatterns.remembered(customs);
      const preferences = await services.continuity.preferences();
      this._favourites = preferences.favouritePatterns;
      this._stillVisuals = preferences.stillVisuals;
      this._customs = customs;
      this._vibrate = remembered.vibrate;
      this._applyLink(this._choice ?? remembered.choice);
    } catch (error) {
      this._problem = `Your own patterns and settings could not be read: ${describeFailure(error).message}`;
      this._customs ??= [];
      this._applyLink(this._choice ?? pacerDefaults);
    }
  }

  /** Applies the link's settings over `base` (what is stored, or what is chosen now). */
  private _applyLink(base: PacerChoice): void {
    const { choice, notes } = readPacerChoice(this.query, pacerPatterns(this._customs ?? []), base);
    this._choice = choice;
    this._notes = notes;
    this._linked = this.query;
  }

  private _choose(change: Partial<PacerChoice>): void {
    if (!this._choice) return;
    const next = { ...this._choice, ...change };
    this._choice = { ...next, length: fitLength(next.length, patternOf(next, this._patterns).pattern) };
    this._lengthProblem = undefined;
    this._remember();
  }

  private _remember(): void {
    const choice = this._choice;
    if (!choice) return;
    this._data.services?.breathPatterns.rememberChoice(choice).catch((error: unknown) => {
      this._problem = `Your settings could not be saved: ${describeFailure(error).message}`;
    });
  }

  private _onLengthKind(kind: 'minutes' | 'cycles'): void {
    if (!this._choice || ('cycles' in this._choice.length) === (kind === 'cycles')) return;
    this._choose({ length: switchLength(this._choice.length, patternOf(this._choice, this._patterns).pattern) });
  }

  private _lengthFrom(input: HTMLInputElement): { length: PacerChoice['length'] } | { problem: string } {
    const choice = this._choice ?? pacerDefaults;
    const value = Number(input.value);
    const byCycles = 'cycles' in choice.length;
    const most = byCycles ? maxCycles(patternOf(choice, this._patterns).pattern) : pacerMinutes.max;
    if (input.value.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= most) return { length: byCycles ? { cycles: value } : { minutes: value } };
    return { problem: byCycles ? `Choose 1 to ${String(most)} breaths.` : `Choose 1 to ${String(most)} minutes.` };
  }

  private _onLengthInput(event: Event): void {
    const read = this._lengthFrom(event.target as HTMLInputElement);
    if ('length' in read) this._choose({ length: read.length });
  }

  private _onLengthChange(event: Event): void {
    const read = this._lengthFrom(event.target as HTMLInputElement);
    this._lengthProblem = 'problem' in read ? read.problem : undefined;
  }

  private _onVibrate(event: Event): void {
    this._vibrate = (event.target as HTMLInputElement).checked;
    this._data.services?.breathPatterns.rememberVibrate(this._vibrate).catch((error: unknown) => {
      this._problem = `Your settings could not be saved: ${describeFailure(error).message}`;
    });
  }

  private _onPlay(player: SessionPlayer): void {
    if (player.state === 'ready' || player.state === 'loading') this._remember();
    player.togglePlay();
  }

  private _onFavourite(key: string, on: boolean): void {
    this._favourites = on ? [...this._favourites, key] : this._favourites.filter((favourite) => favourite !== key);
    this._data.services?.continuity.setFavourite('patterns', key, on).then(
      (favourites) => (this._favourites = favourites),
      (error: unknown) => {
        this._problem = `Your favourites could not be saved: ${describeFailure(error).message}`;
      },
    );
  }

  private _onBreak(): void {
    if (this._playback.status.kind === 'open') this._playback.status.player.takeBreak();
  }

  private async _onPatternsChanged(event: BreathPatternsChangedEvent): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    try {
      this._customs = await services.breathPatterns.list();
    } catch (error) {
      this._problem = `Your own patterns could not be read: ${describeFailure(error).message}`;
      return;
    }
    this._patterns = pacerPatterns(this._customs);
    if (event.saved !== undefined) this._choose({ pattern: event.saved });
    else if (this._choice && !this._patterns.some((pattern) => pattern.key === this._choice?.pattern)) this._choose({ pattern: pacerDefaults.pattern });
  }

  override render() {
    const status = this._playback.status;
    const player = status.kind === 'open' ? status.player : undefined;
    const started = player?.state === 'playing' || player?.state === 'paused' || player?.state === 'waiting';
    return html`
      <h1>Breathe</h1>
      <p class="lede">Breathe along with the circle and the sounds. Stop whenever you like.</p>
      ${this._notes.length > 0
        ? html`<div class="note" role="status">
            ${this._notes.map((note) => html`<p>${note}</p>`)}
          </div>`
        : nothing}
      ${this._data.failure ? html`<p role="alert">${this._data.failure}</p>` : nothing} ${this._data.notice ? html`<p role="alert">${this._data.notice}</p>` : nothing}
      ${this._problem ? html`<p role="alert">${this._problem}</p>` : nothing}
      ${this._choice ? html`${this._renderPacer(player)} ${started ? nothing : this._renderSetup(this._choice, player)}` : html`<p role="status">Opening the pacer…</p>`}
      ${this._choice && !started
        ? html`<section class="panel">
            <lull-breath-pattern-editor .patterns=${this._customs ?? []} @lull-breath-patterns-changed=${(event: BreathPatternsChangedEvent) => this._onPatternsChanged(event)}></lull-breath-pattern-editor>
          </section>`
        : nothing}
    `;
  }

  private _renderSetup(choice: PacerChoice, player: SessionPlayer | undefined) {
    const pattern = patternOf(choice, this._patterns);
    const byCycles = 'cycles' in choice.length;
    const value = 'cycles' in choice.length ? choice.length.cycles : choice.length.minutes;
    const most = byCycles ? maxCycles(pattern.pattern) : pacerMinutes.max;
    const plan = player?.currentPlan;
    const breaths = plan?.events.filter((event) => event.kind === 'breath' && event.phase === 'inhale').length;
    return html`<section class="panel" aria-labelledby="setup-heading">
      <h2 id="setup-heading">Pattern, length and cue</h2>
      <fieldset>
        <legend>Pattern</legend>
        ${favouritesFirst(this._patterns, (option) => option.key, this._favourites).map((option) => {
          const favourite = this._favourites.includes(option.key);
          return html`<div class="pattern">
            <label class="option">
              <input type="radio" name="pattern" .value=${option.key} .checked=${option.key === pattern.key} @change=${() => this._choose({ pattern: option.key })} />
              <span><strong dir="auto">${option.name}</strong> <span class="muted">${option.description}</span></span>
            </label>
            <button class="quiet star" aria-pressed=${favourite ? 'true' : 'false'} aria-label=${`Favourite: ${option.name}`} @click=${() => this._onFavourite(option.key, !favourite)}>
              <span aria-hidden="true">${favourite ? '★' : '☆'}</span>
            </button>
          </div>`;
        })}
      </fieldset>
      <fieldset>
        <legend>Length</legend>
        <div class="kinds">
          <label class="option"><input type="radio" name="length-kind" .checked=${!byCycles} @change=${() => this._onLengthKind('minutes')} /> By minutes</label>
          <label class="option"><input type="radio" name="length-kind" .checked=${byCycles} @change=${() => this._onLengthKind('cycles')} /> By breaths</label>
        </div>
        <label for="length-value">${byCycles ? `Breaths (1–${String(most)})` : `Minutes (1–${String(most)})`}</label>
        <input
          id="length-value"
          type="number"
          inputmode="numeric"
          min="1"
          max=${most}
          step="1"
          .value=${String(value)}
          aria-invalid=${this._lengthProblem ? 'true' : 'false'}
          aria-describedby="length-problem length-summary"
          @input=${(event: Event) => this._onLengthInput(event)}
          @change=${(event: Event) => this._onLengthChange(event)}
        />
        <p id="length-problem" class="field-problem">${this._lengthProblem ?? ''}</p>
        <p id="length-summary" class="muted">${plan && breaths !== undefined ? formatPacerLength(breaths, plan.duration) : ''}</p>
      </fieldset>
      <fieldset>
        <legend>Cue</legend>
        ${offeredCues.map(
          (cue) => html`<label class="option">
            <input type="radio" name="cue" .checked=${choice.cue === cue} @change=${() => this._choose({ cue })} />
            ${cueLabels[cue]}
          </label>`,
        )}
      </fieldset>
    </section>`;
  }

  private _renderPacer(player: SessionPlayer | undefined) {
    const status = this._playback.status;
    const state = player?.state;
    const breath = this._breath.breath;
    const reduced = this._reducedMotion.matches || this._stillVisuals;
    const motion: ShapeMotion = reduced ? { kind: 'still', radius: steadyRadius } : breath ? breathMotion(breath) : { kind: 'still', radius: breathRadius('rest', 0) };
    const words = breath ? breathWords[breath.phase] : pacerRestingWords(state);
    const position = this._playback.position;
    const duration = player?.currentPlan.duration ?? 0;
    const playLabel = state === 'playing' ? 'Pause' : state === 'paused' ? 'Resume' : state === 'ended' ? 'Play again' : 'Start';
    const started = state === 'playing' || state === 'paused' || state === 'waiting';
    return html`<section class="panel" aria-labelledby="pacer-heading">
      <h2 id="pacer-heading" class="visually-hidden">Pacer</h2>
      ${status.kind === 'failed' ? html`<p role="alert">${say('pacer-cannot-open')}</p>` : nothing}
      ${player && player.problems.length > 0
        ? html`<div role="status">
            <p>Some sounds could not be loaded, so the pacer plays without them:</p>
            <ul>
              ${player.problems.map((problem) => html`<li>${problem}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${player?.interrupted ? html`<p role="alert">The sound was interrupted. Press Resume to go on from where you were.</p>` : nothing}
      <div class="pacer">
        ${breathShape(motion, state === 'playing')}
        <p class="phase">
          <span class="words">${words}</span>
          <span class="count">${breath ? html`${phaseSecondsLeft(breath.remaining)}<span class="visually-hidden"> seconds left</span>` : nothing}</span>
        </p>
        ${reduced
          ? html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect class="track" x="0" y="0" width="100" height="10" rx="5"></rect>
              <rect class="fill" x="0" y="0" width=${breath ? breath.progress * 100 : 0} height="10" rx="5"></rect>
            </svg>`
          : nothing}
      </div>
      <p class="visually-hidden" aria-live="polite">${this._breath.announcement}</p>
      <div class="controls">
        <button class="play" ?disabled=${!player} aria-busy=${player ? 'false' : 'true'} @click=${() => player && this._onPlay(player)}>${playLabel}</button>
        <button class="quiet" ?disabled=${!started} @click=${() => player?.stop()}>Stop</button>
      </div>
      <div class="times">
        <span>${formatClock(position)} <span class="visually-hidden">elapsed</span></span>
        <span>−${formatClock(duration - position)} <span class="visually-hidden">remaining</span></span>
      </div>
      ${this._breath.canVibrate
        ? html`<label class="option"><input type="checkbox" .checked=${this._vibrate} @change=${(event: Event) => this._onVibrate(event)} /> Vibrate gently at each change of breath</label>`
        : html`<p class="muted vibration">This device cannot vibrate, so the pacer keeps time with sound, the circle and the words.</p>`}
      ${this._wakeLock.held ? html`<p class="muted">The screen stays on while the pacer plays.</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-breathe-view': LullBreatheView;
  }
}
