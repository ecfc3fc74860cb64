import { WebAudioOutput } from '../audio/web-audio-output';
import { WorkerTicker } from '../audio/worker-ticker';
import type { Bus, SessionOutput } from '../engine/audio-port';
import type { Clock } from '../engine/clock';
import { FrozenClockWatch } from '../engine/clock-watch';
import { defaultPlaybackOptions, PlaybackEngine } from '../engine/playback-engine';
import { settleChoices, stretchTemplate, templateChoices, templateRecordingSlots, templateThinsBreathCues, type TemplateChoice } from '../engine/plan-template';
import type { PromptWriting, RecordingSlot, Script } from '../engine/script-model';
import type { SessionPlan } from '../engine/timeline';
import { ambienceOf, writingPlaces } from '../engine/timeline-queries';
import { Transport, type CommandResult } from '../engine/transport';
import type { Minutes, Seconds } from '../engine/units';
import { busyState } from './busy-state';
import { ChangeSignal } from './change-signal';
import { LockScreenControls } from './lock-screen-controls';
import type { NarratorId } from '../engine/narrators';
import type { WebAudioPort } from '../audio/web-audio-port';
import { loadDataServices } from './data-context';
import { savedNarrator, saveNarrator } from './narrator-choice';
import { loadAmbience, loadNarration, loadSessionAudio } from './session-audio';
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

/** Stands in when there is no audio at all: the session goes on as captions and a timer. */
const silentOutput: SessionOutput = {
  clock: wallClock,
  recordingSeconds: {},
  takeSeconds: {},
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
 * it never throws into the UI. Every call into sound goes through the `SessionOutput`.
 */
export class SessionPlayer {
  private plan: SessionPlan;
  private minutes: Minutes;
  private choices: Record<string, string>;
  private quietBreaths = false;
  private readonly transport: Transport;
  private readonly engine: PlaybackEngine;
  private readonly ticker: WorkerTicker;
  private readonly lockScreen: LockScreenControls;
  private readonly clockWatch: FrozenClockWatch;
  /** The screen, the now-playing bar and the resume keeper follow the session through this. */
  private readonly changes = new ChangeSignal();
  private disposed = false;
  private readonly unsubscribe: (() => void)[] = [];
  private releaseBusy: (() => void) | undefined;
  /** Sounds that could not be loaded, or an interruption: what the person is told. */
  problems: string[];
  /** A downloaded file of this session was found damaged when it opened (and dropped): it should be downloaded again. */
  readonly damagedDownload: boolean;
  interrupted = false;
  /** Whose voice narrates: the person's choice, remembered for later sessions. */
  narrator: NarratorId | undefined;
  /** Where another narrator's voice is decoded and played, when the session has sound. */
  private readonly voice: { readonly context: BaseAudioContext; readonly port: WebAudioPort } | undefined;
  /** The ambience decoded for the choices so far (only the chosen places are held), and its loading. */
  private ambience: Parameters<WebAudioPort['useAmbience']>[0];
  private ambienceLoad: Promise<void> = Promise.resolve();
  /** A narrator chosen but still decoding: Start waits for it, so the first line is already theirs. */
  private narratorLoad: Promise<void> = Promise.resolve();

  private constructor(
    readonly pack: SessionPack,
    private readonly output: SessionOutput,
    options: {
      minutes?: Minutes;
      choices?: Record<string, string>;
      problems: string[];
      damagedDownload?: boolean;
      narrator?: NarratorId;
      voice?: { readonly context: BaseAudioContext; readonly port: WebAudioPort };
      ambience?: Parameters<WebAudioPort['useAmbience']>[0];
    },
  ) {
    this.problems = options.problems;
    this.narrator = options.narrator;
    this.voice = options.voice;
    this.ambience = options.ambience ?? {};
    this.damagedDownload = options.damagedDownload ?? false;
    const { length } = pack.template;
    this.minutes = clampMinutes(options.minutes ?? length.default, length.min, length.max);
    this.choices = settleChoices(pack.template, options.choices ?? {});
    this.plan = this.makePlan(this.minutes, this.choices);
    this.transport = new Transport(this.plan, output.clock, { loading: true, startDelay });
    this.engine = new PlaybackEngine(this.transport, output, output.clock, defaultPlaybackOptions);
    this.clockWatch = new FrozenClockWatch(output.clock, wallClock, frozenAfter);
    this.lockScreen = new LockScreenControls({
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
    this.ticker = new WorkerTicker(() => {
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
    this.transport.markReady();
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
      const narrator = packNarrators(pack).length > 1 ? await loadDataServices().then(({ store }) => savedNarrator(store), () => undefined) : undefined;
      const ambienceKinds = ambienceOf(stretchTemplate(pack.template, { minutes: pack.template.length.default, choices: settleChoices(pack.template, options.choices ?? {}) }));
      const audio = await loadSessionAudio(pack, narrator, ambienceKinds);
      return new SessionPlayer(pack, new WebAudioOutput(audio.context, audio.port), {
        ...options,
        problems: [...audio.problems],
        damagedDownload: audio.damagedDownload,
        ...(pack.narration ? { narrator: audio.narrator } : {}),
        voice: { context: audio.context, port: audio.port },
        ambience: audio.port.ambienceSounds,
      });
    } catch (error) {
      return new SessionPlayer(pack, silentOutput, { ...options, problems: [error instanceof Error ? error.message : String(error)] });
    }
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

  async play(): Promise<CommandResult> {
    if (!(await this.output.start())) {
      this.problems = [...this.problems, 'The sound could not start on this device; the session plays as captions and a timer.'];
    }
    // A place or a narrator chosen just before Start may still be decoding: it is there when the session begins.
    await Promise.all([this.ambienceLoad, this.narratorLoad]);
    this.interrupted = false;
    this.clockWatch.restart();
    const result = this.transport.play();
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
  chooseNarrator(narrator: NarratorId): Promise<boolean> {
    const chosen = this.narratorLoad.then(() => this.useNarrator(narrator));
    this.narratorLoad = chosen.then(() => undefined);
    return chosen;
  }

  private async useNarrator(narrator: NarratorId): Promise<boolean> {
    const voice = narrationOf(this.pack, narrator);
    const output = this.voice;
    if (!voice || !output || narrator === this.narrator) return narrator === this.narrator;
    void loadDataServices().then(({ store }) => saveNarrator(store, narrator), () => undefined);
    try {
      const buffer = await loadNarration(output.context, voice.audio, voice.base);
      output.port.useNarration({ buffer, lines: voice.lines });
      this.narrator = narrator;
      return true;
    } catch {
      return false;
    } finally {
      this.notify();
    }
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
      this.ambienceLoad = this.ambienceLoad.then(() => this.holdAmbienceOf(plan));
    }
    this.notify();
    return result;
  }

  /** Decodes the ambience a new plan plays and lets go of what it no longer does. */
  private async holdAmbienceOf(plan: SessionPlan): Promise<void> {
    const output = this.voice;
    const kinds = ambienceOf(plan);
    const unchanged = kinds.every((kind) => kind in this.ambience) && Object.keys(this.ambience).length === kinds.length;
    if (!output || unchanged) return;
    const loaded = await loadAmbience(output.context, this.pack, kinds, this.ambience);
    this.ambience = loaded.ambience;
    output.port.useAmbience(loaded.ambience);
    if (loaded.problems.length > 0) {
      this.problems = [...this.problems, ...loaded.problems];
      this.notify();
    }
  }

  private makePlan(minutes: Minutes, choices: Record<string, string>): SessionPlan {
    return stretchTemplate(this.pack.template, { minutes, choices, recordings: this.output.recordingSeconds, takes: this.output.takeSeconds, quietBreaths: this.quietBreaths });
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
