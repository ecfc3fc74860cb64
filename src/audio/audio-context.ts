import { Howler } from 'howler';

/**
 * The page's one AudioContext, Howler's: Howler unlocks it on the first touch on mobile and
 * owns the master volume. Its auto-suspend is turned off, because it suspends the context after
 * 30 s of silence, which freezes the very clock the session is timed on.
 */
export function sharedAudioContext(): { context: AudioContext; master: GainNode } {
  keepPlayingWhenLocked();
  Howler.autoSuspend = false;
  Howler.volume(1);
  const context = Howler.ctx;
  const master = Howler.masterGain;
  if (!(context instanceof AudioContext)) throw new AudioUnavailableError();
  return { context, master };
}

export class AudioUnavailableError extends Error {
  override name = 'AudioUnavailableError';
  constructor() {
    super('This browser cannot play Web Audio, so sessions play as captions and a timer only.');
  }
}

/**
 * On iOS a locked or hidden page keeps sounding only as media playback. Safari 16.4+ lets Web
 * Audio be that, through the Audio Session API; everywhere else this does nothing.
 */
function keepPlayingWhenLocked(): void {
  const session = (navigator as Navigator & { audioSession?: { type: string } }).audioSession;
  if (session) session.type = 'playback';
}
