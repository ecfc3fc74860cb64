import type { Seconds } from '../engine/units';

export interface MediaSessionTarget {
  readonly title: string;
  play(): void;
  pause(): void;
  next(): void;
  previous(): void;
  seek(position: Seconds): void;
  stop(): void;
  position(): Seconds;
  duration(): Seconds;
}

const skipSeconds: Seconds = 15;

/**
 * Lock-screen and notification controls: title and artwork, play / pause / previous / next /
 * seek / stop, and the position. Returns the function that updates the shown state and position.
 */
export function bindMediaSession(target: MediaSessionTarget): { update(playing: boolean): void; release(): void } {
  if (!('mediaSession' in navigator)) return { update: () => undefined, release: () => undefined };
  const session = navigator.mediaSession;
  session.metadata = new MediaMetadata({
    title: target.title,
    artist: 'Lull',
    artwork: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
  });
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', () => target.play()],
    ['pause', () => target.pause()],
    ['stop', () => target.stop()],
    ['previoustrack', () => target.previous()],
    ['nexttrack', () => target.next()],
    ['seekto', (details) => target.seek(details.seekTime ?? target.position())],
    ['seekbackward', (details) => target.seek(target.position() - (details.seekOffset ?? skipSeconds))],
    ['seekforward', (details) => target.seek(target.position() + (details.seekOffset ?? skipSeconds))],
  ];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // This browser does not know the action; the others still work.
    }
  }
  return {
    update(playing) {
      session.playbackState = playing ? 'playing' : 'paused';
      const duration = target.duration();
      if (duration > 0) session.setPositionState({ duration, position: Math.min(duration, Math.max(0, target.position())), playbackRate: 1 });
    },
    release() {
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action, null);
        } catch {
          // Never set, nothing to clear.
        }
      }
      session.metadata = null;
      session.playbackState = 'none';
    },
  };
}
