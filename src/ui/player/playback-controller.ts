import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Script } from '../../engine/script-model';
import { isMadeSessionId } from '../../services/made-sessions-service';
import { loadDataServices } from '../../services/data-context';
import type { Minutes } from '../../engine/units';
import type { NowPlaying, PlayingSession } from '../../services/now-playing';
import { SessionPlayer } from '../../services/session-player';
import { nextTimeAfter } from '../../services/session-moment';
import { sameMoment, type ShownMoment } from './shown-moment';

/** After a frame that changed nothing on screen, the next look at the position waits this long (ms). */
const idleLookMs = 50;
/** A look at a known change comes this much after it (ms), so the change has surely happened. */
const pastChangeMs = 2;

/** `failed` keeps what went wrong; the screen says it in plain words (see `messages`). */
export type PlaybackStatus = { kind: 'loading' } | { kind: 'failed'; error: unknown } | { kind: 'open'; player: SessionPlayer };

/**
 * What to play: a session by id (at a length, with choices), or a script built on the device
 * (the breathing pacer). An empty id or no script opens nothing yet.
 */
export type PlaybackSource =
  | { readonly id: string; readonly minutes?: Minutes; readonly choices?: Record<string, string>; readonly autostart?: boolean }
  | { readonly script: Script | undefined; readonly autostart?: boolean };

/**
 * How a screen's session outlives the screen: once it starts it is handed to the app's
 * `NowPlaying`, and a screen that opens under the same key takes it back.
 */
export interface Sharing {
  readonly nowPlaying: NowPlaying;
  /** What the session is kept under: a session's id, or `breathe` for the pacer. */
  readonly key: string;
  /** What the app keeps of it: its screen's address, its title, what keeps its place. */
  readonly keep: (player: SessionPlayer) => PlayingSession;
}

/**
 * Owns an open session for an element: opens it when connected (or takes back the one the app
 * kept playing), reads its position on every animation frame while it plays (visuals never keep
 * their own time), and when the element goes away closes it, so no sound, timer or worker
 * outlives the screen; unless it was handed to the app to play on (see `Sharing`), which then owns it.
 * With `shown`, a frame redraws the element only when what it shows at the new position differs
 * from the last drawn. With `changes` too (the times at which the plan's screen can change), it
 * looks only at those times and at each new second, and not in between.
 */
export class PlaybackController implements ReactiveController {
  status: PlaybackStatus = { kind: 'loading' };
  position = 0;
  private frame = 0;
  private unsubscribe: (() => void) | undefined;
  private opened = 0;
  /** The session id or built script now open (or opening); another one in the host's properties opens that one. */
  private openedKey: string | Script | undefined;

  /** What the host showed at its last drawn position. */
  private drawn: ShownMoment | undefined;
  /** The times each plan's screen can change at, worked out once per plan. */
  private readonly knownChanges = new WeakMap<SessionPlayer['currentPlan'], readonly number[]>();
  /** Waiting before the next frame, because the last one changed nothing on screen. */
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => PlaybackSource,
    private readonly sharing: () => Sharing | undefined = () => undefined,
    private readonly shown?: (plan: SessionPlayer['currentPlan'], position: number) => ShownMoment,
    private readonly changes?: (plan: SessionPlayer['currentPlan']) => readonly number[],
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const source = this.source();
    const key = 'script' in source ? source.script : source.id;
    const sharing = this.sharing();
    const kept = sharing?.nowPlaying.find(sharing.key);
    // The session the app kept playing is the one this screen shows, until it has ended and other settings ask for a new one.
    if (kept && !(kept.player.state === 'ended' && key !== this.openedKey)) {
      if (!(this.status.kind === 'open' && this.status.player === kept.player)) {
        this.close();
        this.show(kept.player);
      }
      this.openedKey = key;
      return;
    }
    if (key === undefined || key === '' || key === this.openedKey) return;
    this.close();
    this.openedKey = key;
    void this.open(source);
  }

  hostDisconnected(): void {
    this.close();
    this.openedKey = undefined;
  }

  /**
   * Opens `source`; a newer open or a close meanwhile wins, and the player this one opened is
   * disposed (its sound and worker must not outlive it). A counter does this here rather than
   * `@lit/task`: a Task would drop the stale result but not dispose it, and it cannot take over a
   * session the app keeps playing, which this controller does without opening anything.
   */
  private async open(source: PlaybackSource): Promise<void> {
    const attempt = this.opened;
    try {
      const player = await this.openPlayer(source);
      if (attempt !== this.opened) {
        player.dispose();
        return;
      }
      this.show(player);
      if (source.autostart) void player.play();
    } catch (error) {
      if (attempt === this.opened) this.status = { kind: 'failed', error };
    }
    this.host.requestUpdate();
  }

  private openPlayer(source: PlaybackSource): Promise<SessionPlayer> {
    if ('script' in source) {
      if (!source.script) return Promise.reject(new Error('There is nothing to play.'));
      return SessionPlayer.openBuilt(source.script);
    }
    const { id, minutes, choices } = source;
    if (isMadeSessionId(id)) return this.openMade(id, minutes);
    return SessionPlayer.open(id, { ...(minutes === undefined ? {} : { minutes }), ...(choices ? { choices } : {}) });
  }

  /** A session the person made: its script from the device, played with the shared sounds and their takes. */
  private async openMade(id: string, minutes: number | undefined): Promise<SessionPlayer> {
    const services = await loadDataServices();
    const script = await services.madeSessions.script(id);
    return SessionPlayer.openBuilt(script, minutes === undefined ? {} : { minutes });
  }

  private show(player: SessionPlayer): void {
    this.status = { kind: 'open', player };
    this.unsubscribe = player.subscribe(() => {
      this.onPlayerChange(player);
    });
    this.onPlayerChange(player);
  }

  private onPlayerChange(player: SessionPlayer): void {
    const sharing = this.sharing();
    if (sharing && player.state === 'playing' && !sharing.nowPlaying.holds(player)) sharing.nowPlaying.take(sharing.keep(player));
    this.position = player.position();
    this.drawn = undefined;
    this.host.requestUpdate();
    // A seek or a start moves the position: the next look is from here, not the one planned before.
    clearTimeout(this.idle);
    this.idle = undefined;
    if (player.state === 'playing' && this.frame === 0) this.frame = requestAnimationFrame(this.onFrame);
  }

  private changeTimesOf(plan: SessionPlayer['currentPlan']): readonly number[] | undefined {
    if (!this.changes) return undefined;
    let times = this.knownChanges.get(plan);
    if (!times) {
      times = this.changes(plan);
      this.knownChanges.set(plan, times);
    }
    return times;
  }

  /** Looks again `ms` from now, on the frame after. */
  private lookIn(ms: number): void {
    this.idle = setTimeout(() => {
      this.idle = undefined;
      this.frame = requestAnimationFrame(this.onFrame);
    }, ms);
  }

  private readonly onFrame = (): void => {
    this.frame = 0;
    if (this.status.kind !== 'open') return;
    const { player } = this.status;
    this.position = player.position();
    const moment = this.shown?.(player.currentPlan, this.position);
    const changed = !moment || !sameMoment(this.drawn, moment);
    if (changed) {
      this.drawn = moment;
      this.host.requestUpdate();
    }
    if (player.state !== 'playing') return;
    const times = this.changeTimesOf(player.currentPlan);
    if (times) {
      // Nothing on screen changes before the next known change or the clock's next second.
      const next = Math.min(nextTimeAfter(times, this.position) ?? Number.POSITIVE_INFINITY, Math.floor(this.position) + 1);
      this.lookIn((next - this.position) * 1000 + pastChangeMs);
      return;
    }
    // A frame that changed nothing: the next look comes a little later, so a still screen asks the
    // browser for a handful of frames a second, not for every one.
    if (changed) this.frame = requestAnimationFrame(this.onFrame);
    else this.lookIn(idleLookMs);
  };

  private close(): void {
    this.opened += 1;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.idle);
    this.idle = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.status.kind === 'open') {
      const { player } = this.status;
      const nowPlaying = this.sharing()?.nowPlaying;
      // A session the app plays on stays with it; one that ended or was stopped is let go with its screen.
      if (!nowPlaying?.holds(player)) player.dispose();
      else if (player.state === 'ended' || player.state === 'ready') nowPlaying.release(player);
    }
    this.status = { kind: 'loading' };
  }
}
