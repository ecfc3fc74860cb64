import { describe, expect, it } from 'vitest';
import { AudioLoadError, loadEncodedAudio } from '../../src/audio/load-audio';
import type { EncodedAudio } from '../../src/engine/pack-manifest';

const audio: EncodedAudio = {
  webm: { path: 'narration.aaaa.webm', bytes: 4, sha256: 'webm' },
  mp3: { path: 'narration.bbbb.mp3', bytes: 4, sha256: 'mp3' },
};
const base = new URL('https://lull.example/packs/safe-space/manifest.json');

/** A decoder that records what it was given; decoding is not what these tests are about. */
function recordingContext() {
  const decoded: number[] = [];
  const context = {
    decodeAudioData: (bytes: ArrayBuffer) => {
      decoded.push(bytes.byteLength);
      return Promise.resolve({ duration: bytes.byteLength });
    },
  };
  // Only `decodeAudioData` is used without a decode rate; the rest of the interface is never reached.
  return { decoded, context: context as unknown as BaseAudioContext };
}

const serving = (length: number) => () => Promise.resolve(new Response(new Uint8Array(length)));

describe('loading a pack sound', () => {
  it('decodes a file whose bytes pass the check', async () => {
    const { decoded, context } = recordingContext();
    await loadEncodedAudio(context, audio, base, ['webm', 'mp3'], { fetchImpl: serving(4), check: (bytes, file) => Promise.resolve(bytes.byteLength === file.bytes) });
    expect(decoded).toEqual([4]);
  });

  it('never decodes a damaged file, and names it so that it can be dropped and fetched again', async () => {
    const { decoded, context } = recordingContext();
    const loading = loadEncodedAudio(context, audio, base, ['webm', 'mp3'], { fetchImpl: serving(1), check: (bytes, file) => Promise.resolve(bytes.byteLength === file.bytes) });
    const error: unknown = await loading.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(AudioLoadError);
    expect((error as AudioLoadError).damaged?.href).toBe('https://lull.example/packs/safe-space/narration.aaaa.webm');
    expect((error as AudioLoadError).message).toBe('/packs/safe-space/narration.aaaa.webm arrived damaged');
    expect(decoded).toEqual([]);
  });

  it('tries the next encoding when a file is missing, as before', async () => {
    const { decoded, context } = recordingContext();
    const fetchImpl = (url: URL) => Promise.resolve(url.pathname.endsWith('.webm') ? new Response(null, { status: 404 }) : new Response(new Uint8Array(4)));
    // The loader always fetches a URL object.
    await loadEncodedAudio(context, audio, base, ['webm', 'mp3'], { fetchImpl: fetchImpl as typeof fetch, check: () => Promise.resolve(true) });
    expect(decoded).toEqual([4]);
  });
});
