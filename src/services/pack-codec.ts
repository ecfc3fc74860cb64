import type { AudioCodec } from '../offline/download-plan';

/**
 * The encodings of a pack in the order this browser should use them: Opus in WebM where it says
 * it plays it (Howler's own "webm" test asks for Vorbis, so we ask for Opus ourselves), then MP3
 * (Safari before 17, older iOS). The player tries them in this order; the downloader stores the
 * first, so what is stored is what plays.
 */
export function codecPreference(): readonly AudioCodec[] {
  return document.createElement('audio').canPlayType('audio/webm; codecs="opus"') === '' ? ['mp3'] : ['webm', 'mp3'];
}

/** The one encoding this browser downloads for offline use. */
export function offlineCodec(): AudioCodec {
  return codecPreference()[0] ?? 'mp3';
}
