import type { Milliseconds } from '../engine/units';
import type { ContinuityService } from './continuity-service';
import type { SessionPlayer } from './session-player';
import { isWorthResuming } from './session-memory';

/** How often the place is written while a session plays: a crash loses at most this much. */
export const keepEvery: Milliseconds = 2000;

/**
 * Keeps a playing session's place on the device, so a closed tab, a reload or a crash can
 * continue from it: every two seconds while it plays, at once when it pauses or the page is
 * hidden or closed. At the session's end the place is forgotten and the run goes into the
 * history, with the moods the person gave.
 */
export class ResumeKeeper {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly unsubscribe: () => void;
  private startedAt: number | undefined;
  private writing: Promise<unknown> = Promise.resolve();
  /** The history's record of this session's end, once it ended; its after-mood is added to it. */
  private runId: string | undefined;
  /** How the person felt before the session, if they said. */
  moodBefore: number | null = null;

  constructor(
    private readonly player: SessionPlayer,
    private readonly continuity: () => Promise<ContinuityService>,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = player.subscribe(this.onChange);
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.keepNow);
    this.onChange();
  }

  /** The person said how they feel after the session: it goes with the session in the history. */
  moodAfter(mood: number | null): void {
    const runId = this.runId;
    if (runId !== undefined) this.queue((continuity) => continuity.setMoodAfter(runId, mood));
  }

  /** Writes the place once more and stops following the session. */
  dispose(): void {
    this.keepNow();
    this.unsubscribe();
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.keepNow);
    this.setTimer(false);
  }

  private readonly onChange = (): void => {
    const { state } = this.player;
    this.setTimer(state === 'playing');
    if (state === 'playing' || state === 'waiting') {
      this.startedAt ??= this.now();
      this.runId = undefined;
    }
    if (state === 'paused' || state === 'waiting') this.keepNow();
    if (state === 'ended' && this.startedAt !== undefined && this.runId === undefined) this.finish(this.startedAt);
  };

  private readonly onHide = (): void => {
    if (document.visibilityState === 'hidden') this.keepNow();
  };

  private readonly keepNow = (): void => {
    const { state, pack, lengthMinutes, chosen } = this.player;
    if (state !== 'playing' && state !== 'paused' && state !== 'waiting') return;
    const position = this.player.position();
    if (!isWorthResuming(position, this.player.currentPlan.duration)) return;
    const choices = { ...chosen };
    this.queue((continuity) => continuity.keepPlace(pack.id, position, lengthMinutes, choices));
  };

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
    this.writing = this.writing.then(async () => write(await this.continuity())).catch(() => undefined);
  }
}
