import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the screen awake while the host wants it (the pacer playing) and the page is visible.
 * The browser drops the lock whenever the page is hidden, so it is asked for again when the page
 * comes back. Released when the host stops wanting it or goes away; without the Screen Wake Lock
 * API (or when the browser refuses) it does nothing and the screen may dim as usual.
 */
export class WakeLockController implements ReactiveController {
  private sentinel: WakeLockSentinel | undefined;
  private requesting = false;
  private wanted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly wants: () => boolean,
  ) {
    host.addController(this);
  }

  /** Whether the screen is being kept awake now. */
  get held(): boolean {
    return this.sentinel !== undefined;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostUpdated(): void {
    const wanted = this.wants();
    if (wanted === this.wanted) return;
    this.wanted = wanted;
    if (wanted) void this.request();
    else this.release();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.wanted = false;
    this.release();
  }

  private async request(): Promise<void> {
    if (!('wakeLock' in navigator) || this.sentinel || this.requesting || document.visibilityState !== 'visible') return;
    this.requesting = true;
    try {
      const sentinel = await navigator.wakeLock.request('screen');
      if (this.wanted) {
        this.sentinel = sentinel;
        sentinel.addEventListener('release', this.onReleased);
        this.host.requestUpdate();
      } else {
        await sentinel.release();
      }
    } catch {
      // Refused (a battery saver, a hidden page, a permissions policy): the screen dims as usual.
    } finally {
      this.requesting = false;
    }
  }

  private release(): void {
    const sentinel = this.sentinel;
    this.sentinel = undefined;
    if (!sentinel) return;
    sentinel.removeEventListener('release', this.onReleased);
    sentinel.release().catch(() => undefined);
    this.host.requestUpdate();
  }

  /** The browser let go (the page was hidden): forget this lock, so a visible page asks again. */
  private readonly onReleased = (event: Event): void => {
    const sentinel = this.sentinel;
    if (!sentinel || event.target !== sentinel) return;
    sentinel.removeEventListener('release', this.onReleased);
    this.sentinel = undefined;
    this.host.requestUpdate();
  };

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible' && this.wanted) void this.request();
  };
}
