import { MediaSessionAnchor } from '../audio/media-session-anchor';
import type { Bus } from '../audio/web-audio-port';

export type { Bus };
import { WorkerTicker } from '../audio/worker-ticker';
import type { AudioPort } from '../engine/audio-port';
import type { Clock } from '../engine/clock';
import { lineKey } from '../engine/line-key';
import { defaultPlaybackOptions, PlaybackEngine } from '../engine/playback-engine';
import { planSession } from '../engine/plan-session';
import { listChoices, settleChoices } from '../engine/resolve-path';
import type { ChoiceStep, RecordingSlot, Script } from '../engine/script-model';
import { estimateSpeechSeconds } from '../engine/speech-estimate';
import type { SessionPlan } from '../engine/timeline';
import { Transport, type CommandResult } from '../engine/transport';
import type { Minutes, Seconds } from '../engine/units';
import { busyState } from './busy-state';
import { bindMediaSession } from './media-session';
import { loadSessionAudio, type SessionAudio } from './session-audio';
import { builtSessionPack, loadSessionPack, type SessionPack } from './session-pack';

/** A person's press of Play starts sound this far ahead: enough for the audio thread to be on time. */
const startDelay: Seconds = 0.1;
/** How gently everything fades when the person asks for a break. */
const breakFade: Seconds = 1.5;
/** The audio clock counts as frozen when it has not moved for this long while playing. */
const frozenAfterMs = 1500;

/** Stands in when there is no audio at all: the session goes on as captions and a timer. */
const silentPort: AudioPort = {
  scheduleVoice: () => undefined,
  scheduleCue: () => undefined,
  scheduleAmbience: () => undefined,
  stopAll: () => undefined,
};

const wallClock: Clock = { now: () => performance.now() / 1000 };

type Listener = () => void;

/**
 * One open session: its pack, its plan at the chosen length and choices, and everything that
 * plays it (transport, engine, audio, ticker, lock-screen controls). The UI reads it and calls
 * its commands; it never throws into the UI.
 */
export class SessionPlayer {
  private plan: SessionPlan;
  private minutes: Minutes;
  private choices: Record<string, string>;
  private readonly transport: Transport;
  private engine: PlaybackEngine | undefined;
  private audio: SessionAudio | undefined;
  private ticker: WorkerTicker | undefined;
  private readonly anchor = new MediaSessionAnchor();
  private readonly mediaSession;
  private readonly listeners = new Set<Listener>();
  private releaseBusy: (() => void) | undefined;
  private lastClockMove = { clock: 0, wall: 0 };
  private unsubscribeTransport: (() => void) | undefined;
  /** How long each of the person's own recordings is: the plan leaves room for them. */
  private readonly recordings: Partial<Record<RecordingSlot, Seconds>>;
  /** Sounds that could not be loaded, or an interruption: what the person is told. */
  problems: string[] = [];
  /** A downloaded file of this session was found damaged when it opened (and dropped): it should be downloaded again. */
  damagedDownload = false;
  interrupted = false;

  private constructor(
    readonly pack: SessionPack,
    private readonly clock: Clock,
    options: { minutes?: Minutes; choices?: Record<string, string>; recordings?: Partial<Record<RecordingSlot, Seconds>> },
  ) {
    this.recordings = options.recordings ?? {};
    const { length } = pack.script;
    this.minutes = clampMinutes(options.minutes ?? length.default, length.min, length.max);
    this.choices = settleChoices(pack.script, options.choices ?? {});
    this.plan = this.makePlan(this.minutes, this.choices);
    this.transport = new Transport(this.plan, clock, { loading: true, startDelay });
    this.mediaSession = bindMediaSession({
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
    let audio: SessionAudio | undefined;
    let problem: string | undefined;
    try {
      audio = await loadSessionAudio(pack);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    const clock: Clock = audio ? { now: () => audio.context.currentTime } : wallClock;
    const recordings = Object.fromEntries(Object.entries(audio?.port.recordings ?? {}).map(([slot, buffer]) => [slot, buffer.duration]));
    const player = new SessionPlayer(pack, clock, { ...options, recordings });
    player.attachAudio(audio, problem);
    return player;
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

  get choiceSteps(): ChoiceStep[] {
    return listChoices(this.pack.script);
  }

  /** The session's position, read from the audio clock: visuals read this on animation frames. */
  position(): Seconds {
    return this.transport.position();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async play(): Promise<CommandResult> {
    const context = this.audio?.context;
    if (context && context.state !== 'running') {
      try {
        await context.resume();
      } catch {
        this.problems = [...this.problems, 'The sound could not start on this device; the session plays as captions and a timer.'];
      }
    }
    this.interrupted = false;
    this.lastClockMove = { clock: this.clock.now(), wall: performance.now() };
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
    const { length } = this.pack.script;
    return this.replan(clampMinutes(minutes, length.min, length.max), this.choices);
  }

  /** Before the session starts: another option for one of the script's choices. */
  choose(choice: string, option: string): CommandResult {
    return this.replan(this.minutes, settleChoices(this.pack.script, { ...this.choices, [choice]: option }));
  }

  /** "I need a break": the session fades out gently and stops; the person moves to a grounding breath. */
  takeBreak(): void {
    this.audio?.port.stopAll(breakFade);
    this.transport.pause();
  }

  setVolume(bus: Bus, volume: number): void {
    this.audio?.port.setVolume(bus, volume);
  }

  dispose(): void {
    this.unsubscribeTransport?.();
    this.ticker?.dispose();
    this.engine?.dispose();
    this.audio?.port.dispose();
    this.anchor.dispose();
    this.mediaSession.release();
    this.releaseBusy?.();
    this.audio?.context.removeEventListener('statechange', this.onContextStateChange);
    this.listeners.clear();
  }

  private attachAudio(audio: SessionAudio | undefined, problem: string | undefined): void {
    this.audio = audio;
    if (problem) this.problems.push(problem);
    if (audio) {
      this.problems.push(...audio.problems);
      this.damagedDownload = audio.damagedDownload;
    }
    this.engine = new PlaybackEngine(this.transport, audio?.port ?? silentPort, this.clock, defaultPlaybackOptions);
    // Subscribed after the engine, so a start hands its first sounds to the audio clock before the
    // media element, Media Session and screen take any of the start delay.
    this.unsubscribeTransport = this.transport.subscribe(() => {
      this.onTransportChange();
    });
    audio?.context.addEventListener('statechange', this.onContextStateChange);
    this.ticker = new WorkerTicker(() => {
      this.tick();
    });
    this.transport.markReady();
    this.notify();
  }

  private tick(): void {
    this.engine?.tick();
    this.watchClock();
  }

  /** A context can claim to run while its clock stands still (a lost device, an iOS interruption). */
  private watchClock(): void {
    if (!this.audio || this.transport.state !== 'playing') return;
    const now = { clock: this.clock.now(), wall: performance.now() };
    if (now.clock !== this.lastClockMove.clock) {
      this.lastClockMove = now;
      return;
    }
    if (now.wall - this.lastClockMove.wall > frozenAfterMs) this.interrupt();
  }

  private readonly onContextStateChange = (): void => {
    const state = this.audio?.context.state;
    if (state !== 'running' && (this.transport.state === 'playing' || this.transport.state === 'waiting')) this.interrupt();
  };

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
    }
    this.notify();
    return result;
  }

  private makePlan(minutes: Minutes, choices: Record<string, string>): SessionPlan {
    const { voice, lines } = this.pack;
    return planSession(this.pack.script, {
      minutes,
      choices,
      recordings: this.recordings,
      keyOf: (text) => lineKey(text, voice),
      speechSeconds: (text) => lines[lineKey(text, voice)]?.duration ?? estimateSpeechSeconds(text),
    });
  }

  private onTransportChange(): void {
    const state = this.transport.state;
    const active = state === 'playing' || state === 'waiting';
    this.audio?.port.keepOutputAwake(active);
    if (active) {
      this.releaseBusy ??= busyState.hold('session');
      void this.anchor.start();
    } else {
      this.releaseBusy?.();
      this.releaseBusy = undefined;
      this.anchor.pause();
    }
    this.mediaSession.update(active);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function clampMinutes(minutes: Minutes, min: Minutes, max: Minutes): Minutes {
  return Number.isFinite(minutes) ? Math.min(max, Math.max(min, minutes)) : min;
}
