import { MediaSessionAnchor } from '../audio/media-session-anchor';
import { bindMediaSession, type MediaSessionTarget } from './media-session';

/**
 * The lock screen's and notification's controls for one session: the Media Session actions and
 * position, and the silent media element browsers need to show them at all.
 */
export class LockScreenControls {
  private readonly anchor = new MediaSessionAnchor();
  private readonly session;

  constructor(target: MediaSessionTarget) {
    this.session = bindMediaSession(target);
  }

  /** Shows the session as playing (the anchor plays) or not. */
  update(active: boolean): void {
    if (active) void this.anchor.start();
    else this.anchor.pause();
    this.session.update(active);
  }

  dispose(): void {
    this.anchor.dispose();
    this.session.release();
  }
}
