import type { Clock } from './clock';
import type { Seconds } from './units';

/**
 * Notices an audio clock that claims to run while it stands still (a lost output device, an iOS
 * interruption that left the context "running"): frozen once it has not moved for `frozenAfter`
 * seconds of wall time.
 */
export class FrozenClockWatch {
  private lastMove = { clock: 0, wall: 0 };

  constructor(
    private readonly clock: Clock,
    private readonly wall: Clock,
    private readonly frozenAfter: Seconds,
  ) {}

  /** Starts watching afresh (the session just started or resumed). */
  restart(): void {
    this.lastMove = { clock: this.clock.now(), wall: this.wall.now() };
  }

  /** Looks once; true when the clock has stood still for too long. */
  isFrozen(): boolean {
    const now = { clock: this.clock.now(), wall: this.wall.now() };
    if (now.clock !== this.lastMove.clock) {
      this.lastMove = now;
      return false;
    }
    return now.wall - this.lastMove.wall > this.frozenAfter;
  }
}
