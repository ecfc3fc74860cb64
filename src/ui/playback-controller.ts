import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Minutes } from '../engine/units';
import { SessionPlayer } from '../services/session-player';

export type PlaybackStatus = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'open'; player: SessionPlayer };

/**
 * Owns an open session for an element: opens it when connected, reads its position on every
 * animation frame while it plays (visuals never keep their own time), and closes it when the
 * element goes away, so no sound, timer or worker outlives the screen.
 */
export class PlaybackController implements ReactiveController {
  status: PlaybackStatus = { kind: 'loading' };
  position = 0;
  private frame = 0;
  private unsubscribe: (() => void) | undefined;
  private opened = 0;
  /** The session id now open (or opening); another id in the host's properties opens that one. */
  private openedId: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly session: () => { id: string; minutes?: Minutes; choices?: Record<string, string>; autostart?: boolean },
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { id } = this.session();
    if (id === '' || id === this.openedId) return;
    this.close();
    this.openedId = id;
    void this.open();
  }

  hostDisconnected(): void {
    this.close();
    this.openedId = undefined;
  }

  private async open(): Promise<void> {
    const attempt = this.opened;
    const { id, autostart = false, ...options } = this.session();
    try {
      const player = await SessionPlayer.open(id, options);
      if (attempt !== this.opened) {
        player.dispose();
        return;
      }
      this.status = { kind: 'open', player };
      this.unsubscribe = player.subscribe(() => {
        this.onPlayerChange(player);
      });
      this.onPlayerChange(player);
      if (autostart) void player.play();
    } catch (error) {
      if (attempt === this.opened) this.status = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    this.host.requestUpdate();
  }

  private onPlayerChange(player: SessionPlayer): void {
    this.position = player.position();
    this.host.requestUpdate();
    if (player.state === 'playing' && this.frame === 0) this.frame = requestAnimationFrame(this.onFrame);
  }

  private readonly onFrame = (): void => {
    this.frame = 0;
    if (this.status.kind !== 'open') return;
    const { player } = this.status;
    this.position = player.position();
    this.host.requestUpdate();
    if (player.state === 'playing') this.frame = requestAnimationFrame(this.onFrame);
  };

  private close(): void {
    this.opened += 1;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.status.kind === 'open') this.status.player.dispose();
    this.status = { kind: 'loading' };
  }
}
