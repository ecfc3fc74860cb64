import { createContext } from '@lit/context';
import type { ResumeKeeper } from './resume-keeper';
import type { SessionPlayer } from './session-player';

/** A session the app keeps playing while the person moves between screens. */
export interface PlayingSession {
  /** What the screen that plays it opens it by: a session's id, or `breathe` for the pacer. */
  readonly key: string;
  /** Where its screen is. */
  readonly href: string;
  readonly title: string;
  readonly player: SessionPlayer;
  /** What keeps its place and its history, for a session that has them. */
  readonly keeper?: ResumeKeeper;
  /** Lets it go: frees its sound, and keeps its place where it has one (settled when the place is written). */
  close(): Promise<void> | void;
}

type Listener = () => void;

/**
 * The one session the app plays, owned above the screens so it survives navigation: a screen
 * hands its session over once it starts, and takes it back when the person returns. A second
 * session that starts ends the first (its place is kept).
 */
export class NowPlaying {
  private playing: PlayingSession | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly listeners = new Set<Listener>();

  get current(): PlayingSession | undefined {
    return this.playing;
  }

  /** The session playing under `key`, if it is the one kept. */
  find(key: string): PlayingSession | undefined {
    return this.playing?.key === key ? this.playing : undefined;
  }

  holds(player: SessionPlayer): boolean {
    return this.playing?.player === player;
  }

  /** Keeps `session` playing across screens; the one kept before, if another, is let go. */
  take(session: PlayingSession): void {
    if (this.playing?.player === session.player) return;
    this.letGo();
    this.playing = session;
    this.unsubscribe = session.player.subscribe(() => {
      this.notify();
    });
    this.notify();
  }

  /** Lets the kept session go (stop, or its screen closed it at its end). */
  release(player?: SessionPlayer): void {
    if (!this.playing || (player && this.playing.player !== player)) return;
    this.letGo();
    this.notify();
  }

  /** "I need a break": whatever plays fades out and pauses, and is kept for when the person is ready. */
  takeBreak(): void {
    const player = this.playing?.player;
    if (player && (player.state === 'playing' || player.state === 'waiting')) player.takeBreak();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private letGo(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const playing = this.playing;
    this.playing = undefined;
    // Told again once its place is written, for screens that offer to continue it.
    if (playing) void Promise.resolve(playing.close()).then(() => this.notify());
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** How screens reach the session the app keeps playing (provided by the app's root). */
export const nowPlayingContext = createContext<NowPlaying>(Symbol('lull-now-playing'));
