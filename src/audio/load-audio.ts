import type { EncodedAudio } from '../engine/pack-manifest';

export class AudioLoadError extends Error {
  override name = 'AudioLoadError';
}

/**
 * Fetches and decodes one pack file, trying each encoding in turn; the error names the file and
 * what went wrong (missing, unreadable, undecodable) so the person sees why a sound is absent.
 */
export async function loadEncodedAudio(
  context: BaseAudioContext,
  audio: EncodedAudio,
  base: URL,
  codecs: readonly ('webm' | 'mp3')[],
  fetchImpl: typeof fetch = fetch,
): Promise<AudioBuffer> {
  const failures: string[] = [];
  for (const codec of codecs) {
    const url = new URL(audio[codec].path, base);
    try {
      const response = await fetchImpl(url);
      if (!response.ok) {
        failures.push(`${url.pathname} is missing (${response.status})`);
        continue;
      }
      return await context.decodeAudioData(await response.arrayBuffer());
    } catch (error) {
      failures.push(`${url.pathname} could not be ${error instanceof DOMException && error.name === 'EncodingError' ? 'decoded' : 'read'}`);
    }
  }
  throw new AudioLoadError(failures.join('; '));
}
