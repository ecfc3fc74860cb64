import type { EncodedAudio, PackFile } from '../engine/pack-manifest';

/** Why a sound could not be loaded: its file is not there, or it is there but cannot be read or played. */
export type AudioLoadProblem = 'missing' | 'damaged';

export class AudioLoadError extends Error {
  override name = 'AudioLoadError';

  constructor(
    readonly code: AudioLoadProblem,
    message: string,
    /** Set when the file arrived but was not the file its manifest names; it was not decoded. */
    readonly damaged?: URL,
  ) {
    super(message);
  }
}

export interface LoadAudioOptions {
  readonly decodeRate?: number;
  readonly fetchImpl?: typeof fetch;
  /** Whether bytes are the file the manifest names (its length and SHA-256); a file that is not is never decoded. */
  readonly check?: (bytes: ArrayBuffer, file: PackFile) => Promise<boolean>;
}

/**
 * Fetches and decodes one pack file, trying each encoding in turn; the error names the file and
 * what went wrong (missing, unreadable, undecodable) so the person sees why a sound is absent. A
 * damaged file ends the attempt there, naming it, so the caller can drop it and fetch it again.
 */
export async function loadEncodedAudio(
  context: BaseAudioContext,
  audio: EncodedAudio,
  base: URL,
  codecs: readonly ('webm' | 'mp3')[],
  options: LoadAudioOptions = {},
): Promise<AudioBuffer> {
  const { decodeRate, fetchImpl = fetch, check } = options;
  const decoder = decodeRate === undefined ? context : decoderAt(decodeRate, context);
  const failures: string[] = [];
  let code: AudioLoadProblem = 'missing';
  for (const codec of codecs) {
    const file = audio[codec];
    const url = new URL(file.path, base);
    let bytes: ArrayBuffer;
    try {
      const response = await fetchImpl(url);
      if (!response.ok) {
        failures.push(`${url.pathname} is missing (${response.status})`);
        continue;
      }
      bytes = await response.arrayBuffer();
    } catch {
      failures.push(`${url.pathname} could not be read`);
      continue;
    }
    if (check && !(await check(bytes, file))) throw new AudioLoadError('damaged', [...failures, `${url.pathname} arrived damaged`].join('; '), url);
    try {
      return await decoder.decodeAudioData(bytes);
    } catch (error) {
      code = 'damaged';
      failures.push(`${url.pathname} could not be ${error instanceof DOMException && error.name === 'EncodingError' ? 'decoded' : 'read'}`);
    }
  }
  throw new AudioLoadError(code, failures.join('; '));
}

/**
 * Decoding keeps a sound at the decoder's rate, and Web Audio plays a buffer of any rate in any
 * context. Speech made at 16 kHz decoded at 16 kHz takes a third of the memory it takes at 48 kHz,
 * with nothing lost. Browsers that refuse such a rate decode at the context's own.
 */
export function decoderAt(sampleRate: number, fallback: BaseAudioContext): BaseAudioContext {
  try {
    return new OfflineAudioContext(1, 1, sampleRate);
  } catch {
    return fallback;
  }
}
