import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { NowPlaying, PlayingSession } from '../../services/now-playing';

/** Follows which session the app keeps playing, for a screen that shows the way back to it. */
export class NowPlayingController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly nowPlaying: () => NowPlaying | undefined,
    /** Called on each change, besides updating the host. */
    private readonly changed: () => void = () => undefined,
  ) {
    host.addController(this);
  }

  get current(): PlayingSession | undefined {
    return this.nowPlaying()?.current;
  }

  hostConnected(): void {
    this.unsubscribe = this.nowPlaying()?.subscribe(() => {
      this.host.requestUpdate();
      this.changed();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
