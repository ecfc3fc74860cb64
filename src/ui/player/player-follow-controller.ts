import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionPlayer } from '../../services/session-player';

/** How often a small reading of the clock (the now-playing bar's "4:12") is refreshed while the session plays. */
const everySecond = 1000;

/**
 * Follows a player for an element that only shows its state and a clock to the second: updates
 * the host on each change and once a second while it plays; lets go when the host goes away.
 */
export class PlayerFollowController implements ReactiveController {
  private followed: SessionPlayer | undefined;
  private unsubscribe: (() => void) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly player: () => SessionPlayer | undefined,
  ) {
    host.addController(this);
  }

  /** The followed session's position now, read from its clock. */
  position(): number {
    return this.followed?.position() ?? 0;
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostUpdate(): void {
    const player = this.connected ? this.player() : undefined;
    if (player === this.followed) return;
    this.stop();
    this.followed = player;
    if (!player) return;
    this.unsubscribe = player.subscribe(this.onChange);
    this.onChange();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.followed = undefined;
  }

  private readonly onChange = (): void => {
    const playing = this.followed?.state === 'playing';
    if (playing && this.timer === undefined) this.timer = setInterval(() => this.host.requestUpdate(), everySecond);
    if (!playing) this.clearTimer();
    this.host.requestUpdate();
  };

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
