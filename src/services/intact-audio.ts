import { AudioLoadError, loadEncodedAudio } from '../audio/load-audio';
import type { EncodedAudio } from '../engine/pack-manifest';
import type { AudioCodec } from '../offline/download-plan';
import { isIntact } from '../offline/file-check';
import { forgetDamagedDownload } from './damaged-downloads';

/** A fetch past the browser's HTTP cache, which may hold the same bad bytes: the server answers. */
const fromServer: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'reload' });

export interface IntactAudioOptions {
  readonly decodeRate?: number;
  /** Told when a damaged file was a download (it is dropped from the device by then). */
  readonly onDamagedDownload: () => void;
}

/**
 * Loads one pack sound, downloaded or streamed, with its bytes checked against the manifest
 * (length and SHA-256) before it is decoded: a damaged file never plays. It is dropped from the
 * downloads and fetched once more from the server; if that copy is damaged too, the error says so
 * (`AudioLoadError.damaged`).
 */
export async function loadIntactAudio(
  context: BaseAudioContext,
  audio: EncodedAudio,
  base: URL,
  codecs: readonly AudioCodec[],
  options: IntactAudioOptions,
): Promise<AudioBuffer> {
  const { decodeRate } = options;
  try {
    return await loadEncodedAudio(context, audio, base, codecs, { decodeRate, check: isIntact });
  } catch (error) {
    if (!(error instanceof AudioLoadError) || !error.damaged) throw error;
    if (await forgetDamagedDownload(error.damaged.href)) options.onDamagedDownload();
    return loadEncodedAudio(context, audio, base, codecs, { decodeRate, check: isIntact, fetchImpl: fromServer });
  }
}
