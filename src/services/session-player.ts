import { WorkerTicker } from '../audio/worker-ticker';
import type { Bus, SessionOutput, SoundsReport } from '../engine/audio-port';
import type { Clock } from '../engine/clock';
import { FrozenClockWatch } from '../engine/clock-watch';
import { defaultPlaybackOptions, PlaybackEngine } from '../engine/playback-engine';
import { settleChoices, stretchTemplate, templateChoices, templateRecordingSlots, templateThinsBreathCues, type TemplateChoice } from '../engine/plan-template';
import type { PromptWriting, RecordingSlot, Script } from '../engine/script-model';
import type { SessionPlan } from '../engine/timeline';
import { ambienceOf, writingPlaces } from '../engine/timeline-queries';
import { listenSeed } from '../engine/seeded-random';
import { Transport, type CommandResult } from '../engine/transport';
import type { Minutes, Seconds } from '../engine/units';
import { busyState } from './busy-state';
import { ChangeSignal } from './change-signal';
import { LockScreenControls } from './lock-screen-controls';
import type { MediaSessionTarget } from './media-session';
import { defaultNarrator, type NarratorId } from '../engine/narrators';
import { loadDataServices } from './data-context';
import { savedNarrator, saveNarrator } from './narrator-choice';
import { openSessionOutput } from './session-audio';
import { builtSessionPack, loadSessionPack, narrationOf, packNarrators, type SessionPack } from './session-pack';

export type { Bus };

/**
 * A person's press of Play starts sound this far ahead of the audio clock, so the first sounds
 * reach the audio thread before their time. With 20 ms no `start()` came after its time in six
 * Chromium and three Firefox runs of `npm run bench:timing`, and tap → first sound fell from
 * about 96 ms more than a bare oscillator page's to about 28–38 ms more (`npm run bench:player`).
 */
const startDelay: Seconds = 0.02;
/** How gently everything fades when the person asks for a break. */
const breakFade: Seconds = 1.5;
/** The audio clock counts as frozen when it has not moved for this long while playing. */
const frozenAfter: Seconds = 1.5;

const wallClock: Clock = { now: () => performance.now() / 1000 };

/** What wakes the engine while a session plays, and what shows it on the lock screen: the page's own, or a test's. */
export interface PlayerSurroundings {
  readonly ticker: (onTick: () => void) => { set(run: boolean): void; dispose(): void };
  readonly lockScreen: (target: MediaSessionTarget) => { update(active: boolean): void; dispose(): void };
}

const pageSurroundings: PlayerSurroundings = {
  ticker: (onTick) => new WorkerTicker(onTick),
  lockScreen: (target) => new LockScreenControls(target),
};

/** Stands in when there is no audio at all: the session goes on as captions and a timer. */
const silentOutput: SessionOutput = {
  clock: wallClock,
  recordingSeconds: {},
  takeSeconds: {},
  prepare: () => Promise.resolve({ problems: [], damagedDownload: false, narrator: undefined }),
  start: () => Promise.resolve(true),
  scheduleVoice: () => undefined,
  scheduleCue: () => undefined,
  scheduleAmbience: () => undefined,
  scheduleAmbienceEvent: () => undefined,
  stopAll: () => undefined,
  setVolume: () => undefined,
  keepOutputAwake: () => undefined,
  onInterruption: () => () => undefined,
  dispose: () => undefined,
};


/**
 * One open session, coordinated: its plan at the chosen length and choices, the transport that
 * moves through it, the engine that hands it to the sound output, the ticker that wakes the
 * engine, the lock-screen controls and the clock watch. The UI reads it and calls its commands;
 * it never throws into the UI. Every call into sound goes through the `SessionOutput`, which
 * decodes what the plan needs while the person looks at the session: Start waits for it.
 */
export class SessionPlayer {
  private plan: SessionPlan;
  private minutes: Minutes;
  private choices: Record<string, string>;
  private quietBreaths = false;
  /** Where this listen's ambience sounds fall: fresh each time the session is opened. */
  readonly seed: string;
  private readonly transport: Transport;
  private readonly engine: PlaybackEngine;
  private readonly ticker: ReturnType<PlayerSurroundings['ticker']>;
  private readonly lockScreen: ReturnType<PlayerSurroundings['lockScreen']>;
  private readonly clockWatch: FrozenClockWatch;
  /** The screen, the now-playing bar and the resume keeper follow the session through this. */
  private readonly changes = new ChangeSignal();
  private disposed = false;
  private readonly unsubscribe: (() => void)[] = [];
  private releaseBusy: (() => void) | undefined;
  /** Sounds that could not be loaded, or an interruption: what the person is told. */
  problems: string[];
  /** A downloaded file of this session was found damaged when it opened (and dropped): it should be downloaded again. */
  damagedDownload = false;
  interrupted = false;
  /** Whose voice narrates: the person's choice, remembered for later sessions (the default one when theirs could not be loaded). */
  narrator: NarratorId | undefined;
  /** Start was pressed and the session begins once its sounds are ready. */
  starting = false;
  /** The sounds the plan and narrator need, decoding one request after another: Start waits for the last. */
  private sounds: Promise<void> = Promise.resolve();

  private constructor(
    readonly pack: SessionPack,
    private readonly output: SessionOutput,
    options: {
      minutes?: Minutes;
      choices?: Record<string, string>;
      problems: string[];
      narrator?: NarratorId;
      seed?: string;
    },
    surroundings: PlayerSurroundings,
  ) {
    this.problems = options.problems;
    this.seed = options.seed ?? listenSeed(pack.template.scriptId);
    this.narrator = options.narrator;
    const { length } = pack.template;
    this.minutes = clampMinutes(options.minutes ?? length.default, length.min, length.max);
    this.choices = settleChoices(pack.template, options.choices ?? {});
    this.plan = this.makePlan(this.minutes, this.choices);
    this.transport = new Transport(this.plan, output.clock, { loading: true, startDelay });
    this.engine = new PlaybackEngine(this.transport, output, output.clock, defaultPlaybackOptions);
    this.clockWatch = new FrozenClockWatch(output.clock, wallClock, frozenAfter);
    this.lockScreen = surroundings.lockScreen({
      title: pack.title,
      play: () => void this.play(),
      pause: () => this.pause(),
      next: () => this.next(),
      previous: () => this.previous(),
      seek: (position) => this.seek(position),
      stop: () => this.stop(),
      position: () => this.transport.position(),
      duration: () => this.plan.duration,
    });
    this.ticker = surroundings.ticker(() => {
      this.tick();
    });
    // Subscribed after the engine, so a start hands its first sounds to the audio clock before the
    // media element, Media Session and screen take any of the start delay.
    this.unsubscribe.push(
      this.transport.subscribe(() => {
        this.onTransportChange();
      }),
      output.onInterruption(() => {
        if (this.transport.state === 'playing' || this.transport.state === 'waiting') this.interrupt();
      }),
    );
    void this.prepareSounds();
  }

  /** Opens a session by id: loads and validates its pack, then its sounds. */
  static async open(id: string, options: { minutes?: Minutes; choices?: Record<string, string> } = {}): Promise<SessionPlayer> {
    return SessionPlayer.withPack(await loadSessionPack(id, new URL(document.baseURI)), options);
  }

  /** Opens a session made on the device, such as a breathing pattern: it plays the shared sounds only. */
  static async openBuilt(script: Script, options: { minutes?: Minutes } = {}): Promise<SessionPlayer> {
    return SessionPlayer.withPack(await builtSessionPack(script, new URL(document.baseURI)), options);
  }

  private static async withPack(pack: SessionPack, options: { minutes?: Minutes; choices?: Record<string, string> }): Promise<SessionPlayer> {
    try {
      const saved = packNarrators(pack).length > 1 ? await loadDataServices().then(({ store }) => savedNarrator(store), () => undefined) : undefined;
      const { output, problems } = await openSessionOutput(pack);
      return SessionPlayer.assemble(pack, output, { ...options, problems: [...problems], ...(pack.narration ? { narrator: saved ?? defaultNarrator } : {}) });
    } catch (error) {
      return SessionPlayer.assemble(pack, silentOutput, { ...options, problems: [error instanceof Error ? error.message : String(error)] });
    }
  }

  /** A player for `pack` on `output`, ready at once: it asks the output for its sounds, and Start waits for them. */
  static assemble(
    pack: SessionPack,
    output: SessionOutput,
    options: { minutes?: Minutes; choices?: Record<string, string>; problems?: string[]; narrator?: NarratorId; seed?: string },
    surroundings: PlayerSurroundings = pageSurroundings,
  ): SessionPlayer {
    return new SessionPlayer(pack, output, { ...options, problems: options.problems ?? [] }, surroundings);
  }

  get state() {
    return this.transport.state;
  }

  get currentPlan(): SessionPlan {
    return this.plan;
  }

  get lengthMinutes(): Minutes {
    return this.minutes;
  }

  get chosen(): Readonly<Record<string, string>> {
    return this.choices;
  }

  /** The recordings of the person's own this session can play (each with a narrated line in its place until made). */
  get recordingSlots(): RecordingSlot[] {
    return templateRecordingSlots(this.pack.template);
  }

  /** How many of this session's lines play in the person's own voice (their takes). */
  get linesInOwnVoice(): number {
    return Object.keys(this.output.takeSeconds).length;
  }

  /** Where what the person writes in this session is kept: the journal, their letters, or both. */
  get writingKeptIn(): Exclude<PromptWriting, null>[] {
    return writingPlaces(this.currentPlan);
  }

  get choiceSteps(): TemplateChoice[] {
    return templateChoices(this.pack.template);
  }

  /** The session's position, read from the audio clock: visuals read this on animation frames. */
  position(): Seconds {
    return this.transport.position();
  }

  subscribe(listener: () => void): () => void {
    return this.changes.subscribe(listener);
  }

  /** Starts (or resumes) the session; `from` a place, such as where the person left it, once its sounds are ready. */
  async play(from?: Seconds): Promise<CommandResult> {
    this.starting = true;
    this.notify();
    // Asked first, while the tap still counts as the person's: some browsers allow sound only then.
    if (!(await this.output.start())) {
      this.problems = [...this.problems, 'The sound could not start on this device; the session plays as captions and a timer.'];
    }
    // Sounds still decoding (Start pressed at once, a place or a narrator chosen just before): the session begins when they are there.
    await this.sounds;
    this.starting = false;
    this.interrupted = false;
    this.clockWatch.restart();
    const placed = from === undefined ? { ok: true as const } : this.transport.seek(from);
    const result = placed.ok ? this.transport.play() : placed;
    this.notify();
    return result;
  }

  pause(): CommandResult {
    return this.transport.pause();
  }

  togglePlay(): void {
    if (this.transport.state === 'playing') this.pause();
    else if (this.transport.state === 'waiting') this.continue();
    else void this.play();
  }

  continue(): CommandResult {
    return this.transport.continue();
  }

  /** The person is writing in a timed prompt's box: the session waits at `end`, the end of its window. */
  holdForWriting(end: Seconds): CommandResult {
    return this.transport.holdAt(end);
  }

  /** The person stopped writing: a session waiting for them goes on. */
  releaseWritingHold(): CommandResult {
    return this.transport.releaseHold();
  }

  /** Where the session waits for the person's writing, if it does. */
  get writingHold(): Seconds | undefined {
    return this.transport.hold;
  }

  next(): CommandResult {
    return this.transport.next();
  }

  previous(): CommandResult {
    return this.transport.previous();
  }

  seek(position: Seconds): CommandResult {
    return this.transport.seek(position);
  }

  stop(): CommandResult {
    return this.transport.stop();
  }

  /** Before the session starts: another length in the script's range; the silences stretch. */
  setLength(minutes: Minutes): CommandResult {
    const { length } = this.pack.template;
    return this.replan(clampMinutes(minutes, length.min, length.max), this.choices);
  }

  /** Before the session starts: another option for one of the script's choices. */
  choose(choice: string, option: string): CommandResult {
    return this.replan(this.minutes, settleChoices(this.pack.template, { ...this.choices, [choice]: option }));
  }

  /** Whether this session's breath cues thin out (words, then tones): then they may fall silent too. */
  get thinsBreathCues(): boolean {
    return templateThinsBreathCues(this.pack.template);
  }

  get breathsFallQuiet(): boolean {
    return this.quietBreaths;
  }

  /** Before the session starts: breath cues that thin out to tones fall silent after them, or not. */
  setQuietBreaths(quiet: boolean): CommandResult {
    const was = this.quietBreaths;
    this.quietBreaths = quiet;
    const result = this.replan(this.minutes, this.choices);
    if (!result.ok) this.quietBreaths = was;
    return result;
  }

  /** The narrators the person can choose between for this session (none or one: nothing to choose). */
  get narrators(): NarratorId[] {
    return packNarrators(this.pack);
  }

  /**
   * Another narrator: their lines replace the voice for every line from now on (the plan is the
   * same for every narrator), and the choice is remembered. False when their voice could not load.
   */
  async chooseNarrator(narrator: NarratorId): Promise<boolean> {
    if (narrator === this.narrator || !narrationOf(this.pack, narrator)) return narrator === this.narrator;
    void loadDataServices().then(({ store }) => saveNarrator(store, narrator), () => undefined);
    this.narrator = narrator;
    this.notify();
    await this.prepareSounds();
    return this.narrator === narrator;
  }

  /** "I need a break": the session fades out gently and stops; the person moves to a grounding breath. */
  takeBreak(): void {
    this.output.stopAll(breakFade);
    this.transport.pause();
  }

  setVolume(bus: Bus, volume: number): void {
    this.output.setVolume(bus, volume);
  }

  dispose(): void {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    this.ticker.dispose();
    this.engine.dispose();
    this.output.dispose();
    this.lockScreen.dispose();
    this.releaseBusy?.();
    this.disposed = true;
  }

  private tick(): void {
    this.engine.tick();
    if (this.transport.state === 'playing' && this.clockWatch.isFrozen()) this.interrupt();
  }

  private interrupt(): void {
    this.transport.pause();
    this.interrupted = true;
    this.notify();
  }

  private replan(minutes: Minutes, choices: Record<string, string>): CommandResult {
    const plan = this.makePlan(minutes, choices);
    const result = this.transport.replan(plan);
    if (result.ok) {
      this.minutes = minutes;
      this.choices = choices;
      this.plan = plan;
      void this.prepareSounds();
    }
    this.notify();
    return result;
  }

  /**
   * Asks the output for what the plan and the narrator need (only what it does not hold yet is
   * decoded), after any request before; its report reaches the screen. The first one readies the session.
   */
  private prepareSounds(): Promise<void> {
    this.sounds = this.sounds
      .then(async () => {
        const asked = this.narrator;
        this.takeReport(asked, await this.output.prepare({ narrator: asked, ambience: ambienceOf(this.plan) }));
      })
      .catch(() => undefined)
      .then(() => {
        if (!this.disposed) this.transport.markReady();
      });
    return this.sounds;
  }

  /** What a request for `asked` brought; a narrator chosen since is left alone: the next request brings them. */
  private takeReport(asked: NarratorId | undefined, report: SoundsReport): void {
    if (this.narrator === asked) this.narrator = report.narrator ?? asked;
    if (report.problems.length > 0) this.problems = [...this.problems, ...report.problems];
    this.damagedDownload ||= report.damagedDownload;
    this.notify();
  }

  private makePlan(minutes: Minutes, choices: Record<string, string>): SessionPlan {
    return stretchTemplate(this.pack.template, { minutes, choices, recordings: this.output.recordingSeconds, takes: this.output.takeSeconds, quietBreaths: this.quietBreaths, seed: this.seed });
  }

  private onTransportChange(): void {
    const state = this.transport.state;
    const active = state === 'playing' || state === 'waiting';
    // Only a playing session needs the engine woken; waiting, paused or ended, nothing ticks.
    this.ticker.set(state === 'playing');
    this.output.keepOutputAwake(active);
    if (active) this.releaseBusy ??= busyState.hold('session');
    else {
      this.releaseBusy?.();
      this.releaseBusy = undefined;
    }
    this.lockScreen.update(active);
    this.notify();
  }

  private notify(): void {
    if (!this.disposed) this.changes.notify();
  }
}

function clampMinutes(minutes: Minutes, min: Minutes, max: Minutes): Minutes {
  return Number.isFinite(minutes) ? Math.min(max, Math.max(min, minutes)) : min;
}
