import type { Milliseconds } from '../engine/units';
import type { ContinuityService } from './continuity-service';
import type { SessionPlayer } from './session-player';
import { isWorthResuming } from './session-memory';

/** How often the place is written while a session plays: a crash loses at most this much. */
export const keepEvery: Milliseconds = 2000;

/**
 * Keeps a playing session's place on the device, so a closed tab, a reload or a crash can
 * continue from it: every two seconds while it plays, at once when it pauses, seeks or skips,
 * and when the page is hidden or closed. At the session's end the place is forgotten and the run goes into the
 * history, with the moods the person gave.
 */
export class ResumeKeeper {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly unsubscribe: () => void;
  private startedAt: number | undefined;
  private writing: Promise<unknown> = Promise.resolve();
  /** The history's record of this session's end, once it ended; its after-mood is added to it. */
  private runId: string | undefined;
  /**
   * The data service, once loaded: a page being closed runs only what is already at hand (a
   * module still loading would not arrive in time), so the last write needs it ready.
   */
  private service: ContinuityService | undefined;
  /** How the person felt before the session, if they said. */
  moodBefore: number | null = null;

  constructor(
    private readonly player: SessionPlayer,
    private readonly continuity: () => Promise<ContinuityService>,
    private readonly now: () => number = Date.now,
  ) {
    continuity().then(
      (service) => (this.service = service),
      () => undefined,
    );
    this.unsubscribe = player.subscribe(this.onChange);
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.onClose);
    this.onChange();
  }

  /** The person said how they feel after the session: it goes with the session in the history. */
  moodAfter(mood: number | null): void {
    const runId = this.runId;
    if (runId !== undefined) this.queue((continuity) => continuity.setMoodAfter(runId, mood));
  }

  /** Writes the place once more and stops following the session; settles once the place is written. */
  dispose(): Promise<void> {
    this.keepNow();
    this.unsubscribe();
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.onClose);
    this.setTimer(false);
    return this.writing.then(() => undefined);
  }

  private readonly onChange = (): void => {
    const { state } = this.player;
    this.setTimer(state === 'playing');
    if (state === 'playing' || state === 'waiting') {
      this.startedAt ??= this.now();
      this.runId = undefined;
    }
    // Any change (a pause, a seek, a step skipped) moves the place: it is kept at once.
    this.keepNow();
    if (state === 'ended' && this.startedAt !== undefined && this.runId === undefined) this.finish(this.startedAt);
  };

  private readonly onHide = (): void => {
    if (document.visibilityState === 'hidden') this.keepNow();
  };

  private readonly keepNow = (): void => {
    const place = this.place();
    if (place) this.queue((continuity) => continuity.keepPlace(...place));
  };

  /** A closing page cannot finish a database write: the place is left to be moved in next time. */
  private readonly onClose = (): void => {
    const place = this.place();
    if (place) this.service?.leavePlace(...place);
  };

  /** Where the session is, if it has started and that is worth continuing from. */
  private place(): Parameters<ContinuityService['keepPlace']> | undefined {
    const { state, pack, lengthMinutes, chosen } = this.player;
    if (state !== 'playing' && state !== 'paused' && state !== 'waiting') return undefined;
    const position = this.player.position();
    return isWorthResuming(position, this.player.currentPlan.duration) ? [pack.id, position, lengthMinutes, { ...chosen }] : undefined;
  }

  private finish(startedAt: number): void {
    const runId = crypto.randomUUID();
    this.runId = runId;
    this.startedAt = undefined;
    const { pack, lengthMinutes } = this.player;
    const run = { id: runId, sessionId: pack.id, startedAt, endedAt: this.now(), lengthMinutes, completed: true, moodBefore: this.moodBefore, moodAfter: null };
    this.queue(async (continuity) => {
      await continuity.forgetPlace(pack.id);
      await continuity.keepRun(run);
    });
  }

  private setTimer(on: boolean): void {
    if (on && this.timer === undefined) this.timer = setInterval(this.keepNow, keepEvery);
    if (!on && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Writes one after another, so an older place never lands after a newer one; a failed write is let go (the next one tries again). */
  private queue(write: (continuity: ContinuityService) => Promise<unknown>): void {
    this.writing = this.writing.then(async () => write(this.service ?? (await this.continuity()))).catch(() => undefined);
  }
}
