import type { Clock } from './clock';
import type { SessionPlan } from './timeline';
import type { Seconds } from './units';

export type TransportState = 'loading' | 'ready' | 'playing' | 'paused' | 'waiting' | 'ended';

export type RejectReason = 'loading' | 'not-playing' | 'not-waiting' | 'already-started' | 'ended' | 'invalid-time';

/** Every command has a defined outcome; none throws. `queued`: it happens once loading ends. */
export type CommandResult = { readonly ok: true; readonly queued?: true } | { readonly ok: false; readonly reason: RejectReason };

export type TransportChange = 'state' | 'seek' | 'plan' | 'hold';
type Listener = (change: TransportChange) => void;

const done: CommandResult = { ok: true };
const reject = (reason: RejectReason): CommandResult => ({ ok: false, reason });
/** Going "previous" within this many seconds of a step's start goes to the step before it. */
const previousStepGrace: Seconds = 3;

/**
 * Where the session is and whether it moves: idle → playing → paused / waiting → ended, with
 * seek and step skipping. Position is derived from the clock, never counted by a timer: while
 * playing it is `anchorPosition + (clock − anchorTime)`, held at a waiting prompt or the end.
 */
export class Transport {
  private current: TransportState;
  private anchorPosition: Seconds = 0;
  private anchorTime: Seconds = 0;
  private playWhenReady = false;
  /** The end of a timed prompt held open while the person writes: the session waits there too. */
  private writingHold: Seconds | undefined;
  private readonly listeners = new Set<Listener>();
  /** Sounds cannot start "now": playing anchors this far ahead so the first sound is on time too. */
  readonly startDelay: Seconds;

  constructor(
    private planValue: SessionPlan,
    private readonly clock: Clock,
    options: { loading?: boolean; startDelay?: Seconds } = {},
  ) {
    this.current = options.loading ? 'loading' : 'ready';
    this.startDelay = options.startDelay ?? 0;
  }

  get state(): TransportState {
    return this.current;
  }

  get plan(): SessionPlan {
    return this.planValue;
  }

  position(): Seconds {
    if (this.current !== 'playing') return this.anchorPosition;
    const running = this.anchorPosition + Math.max(0, this.clock.now() - this.anchorTime);
    return Math.min(running, this.nextStop());
  }

  /** The clock time at which the session reaches `position`, if it keeps playing. */
  clockTimeAt(position: Seconds): Seconds {
    return this.anchorTime + (position - this.anchorPosition);
  }

  /** The next point the session cannot pass without the person: a waiting prompt, a writing hold, or the end. */
  nextStop(from: Seconds = this.anchorPosition): Seconds {
    let stop = this.planValue.duration;
    for (const event of this.planValue.events) {
      if (event.kind === 'prompt' && event.waits && event.at + event.duration > from) {
        stop = event.at + event.duration;
        break;
      }
    }
    // A hold is passed only by going on from it (continue, seek, step), never by the clock.
    return this.writingHold !== undefined && this.writingHold >= from ? Math.min(stop, this.writingHold) : stop;
  }

  /** Where the session waits for the person to finish writing, if it does. */
  get hold(): Seconds | undefined {
    return this.writingHold;
  }

  /**
   * Holds the session at `position` (the end of a timed prompt's window) while the person writes:
   * it waits there as at a waiting prompt, until `releaseHold` or `continue`.
   */
  holdAt(position: Seconds): CommandResult {
    if (!Number.isFinite(position)) return reject('invalid-time');
    if (this.current === 'loading' || this.current === 'ended') return reject(this.current);
    if (position < this.position() || position > this.planValue.duration) return reject('invalid-time');
    if (this.writingHold === position) return done;
    this.writingHold = position;
    this.notify('hold');
    return done;
  }

  /** The person is no longer writing: a session waiting at the hold goes on; one still before it plays through. */
  releaseHold(): CommandResult {
    if (this.writingHold === undefined) return done;
    if (this.current === 'waiting' && this.anchorPosition === this.writingHold) return this.continue();
    this.writingHold = undefined;
    this.notify('hold');
    return done;
  }

  /** Moves into `waiting` or `ended` when the clock has reached a stop. Called on every tick. */
  update(): void {
    if (this.current !== 'playing') return;
    const stop = this.nextStop();
    if (this.anchorPosition + (this.clock.now() - this.anchorTime) < stop) return;
    this.anchorPosition = stop;
    this.anchorTime = this.clock.now();
    this.setState(stop >= this.planValue.duration ? 'ended' : 'waiting');
  }

  play(): CommandResult {
    switch (this.current) {
      case 'loading':
        this.playWhenReady = true;
        return { ok: true, queued: true };
      case 'playing':
        return done;
      case 'ended':
        this.anchorPosition = 0;
        this.start();
        return done;
      case 'ready':
      case 'paused':
      case 'waiting':
        this.start();
        return done;
    }
  }

  pause(): CommandResult {
    switch (this.current) {
      case 'loading':
        this.playWhenReady = false;
        return done;
      case 'playing':
      case 'waiting':
        this.anchorPosition = this.position();
        this.setState('paused');
        return done;
      case 'ended':
        return reject('ended');
      case 'ready':
      case 'paused':
        return reject('not-playing');
    }
  }

  /** At a waiting prompt: go on. */
  continue(): CommandResult {
    if (this.current !== 'waiting') return reject('not-waiting');
    this.writingHold = undefined;
    this.start();
    return done;
  }

  /** Back to the start, not playing. */
  stop(): CommandResult {
    if (this.current === 'loading') return reject('loading');
    this.anchorPosition = 0;
    this.writingHold = undefined;
    this.setState('ready');
    return done;
  }

  /** Moves to `position`, clamped to the session; past the end, the session ends. */
  seek(position: Seconds): CommandResult {
    if (!Number.isFinite(position)) return reject('invalid-time');
    if (this.current === 'loading') return reject('loading');
    const target = Math.min(Math.max(0, position), this.planValue.duration);
    this.anchorPosition = target;
    this.writingHold = undefined;
    this.anchorTime = this.clock.now() + this.startDelay;
    if (target >= this.planValue.duration) {
      this.setState('ended');
      return done;
    }
    if (this.current === 'waiting') this.current = 'playing';
    else if (this.current === 'ended') this.current = 'paused';
    this.notify('seek');
    return done;
  }

  next(): CommandResult {
    if (this.current === 'loading') return reject('loading');
    if (this.current === 'ended') return reject('ended');
    // Held at the end of a prompt, the next step begins right here.
    if (this.current === 'waiting') return this.continue();
    const position = this.position();
    const following = this.planValue.steps.find((step) => step.at > position + 1e-6);
    return this.seek(following ? following.at : this.planValue.duration);
  }

  previous(): CommandResult {
    if (this.current === 'loading') return reject('loading');
    const position = this.position();
    const steps = this.planValue.steps;
    const index = steps.findLastIndex((step) => step.at <= position + 1e-6);
    const step = steps[index];
    if (!step) return this.seek(0);
    const target = position - step.at > previousStepGrace ? step.at : (steps[index - 1]?.at ?? 0);
    return this.seek(target);
  }

  /** A new plan (another length or choice) is only taken before the session starts. */
  replan(plan: SessionPlan): CommandResult {
    const fresh = (this.current === 'ready' || this.current === 'loading') && this.anchorPosition === 0;
    if (!fresh) return reject('already-started');
    this.planValue = plan;
    this.notify('plan');
    return done;
  }

  /** Loading finished: play if the person already asked to. */
  markReady(): void {
    if (this.current !== 'loading') return;
    this.setState('ready');
    if (this.playWhenReady) this.play();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private start(): void {
    this.anchorTime = this.clock.now() + this.startDelay;
    this.setState('playing');
  }

  private setState(state: TransportState): void {
    this.current = state;
    this.notify('state');
  }

  private notify(change: TransportChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
