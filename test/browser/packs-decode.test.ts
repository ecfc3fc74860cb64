import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommonManifest, EncodedAudio, LibraryIndex, SessionManifest, SpriteClip } from '../../src/engine/pack-manifest';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp('/');
});
afterAll(async () => {
  await app.close();
});

interface DecodedWindows {
  duration: number;
  /** RMS in dBFS of each clip, and of the silences just before and after it. */
  clips: { inside: number; before: number; after: number }[];
}

/** Decodes a file with the browser's own decoder and measures the level inside and before each clip. */
async function decodeInBrowser(url: string, clips: readonly SpriteClip[]): Promise<DecodedWindows> {
  return app.page.evaluate(
    async ({ url, clips }) => {
      const bytes = await (await fetch(url)).arrayBuffer();
      const buffer = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(bytes);
      const samples = buffer.getChannelData(0);
      const rms = (from: number, to: number): number => {
        const start = Math.max(0, Math.round(from * buffer.sampleRate));
        const end = Math.min(samples.length, Math.round(to * buffer.sampleRate));
        let sum = 0;
        for (let index = start; index < end; index += 1) sum += (samples[index] ?? 0) ** 2;
        return 10 * Math.log10(sum / Math.max(1, end - start) + 1e-12);
      };
      return {
        duration: buffer.duration,
        // The silence around a clip is measured inside the sprite's gap, however narrow the compiler made it.
        clips: clips.map((clip, index) => {
          const end = clip.start + clip.duration;
          const previous = clips[index - 1];
          const next = clips[index + 1];
          const from = Math.max(clip.start - 0.35, previous ? previous.start + previous.duration + 0.03 : 0);
          const to = Math.min(end + 0.35, next ? next.start - 0.03 : Infinity);
          return { inside: rms(clip.start, end), before: rms(from, clip.start - 0.03), after: rms(end + 0.03, to) };
        }),
      };
    },
    { url, clips },
  );
}

const fetchJson = (url: string): Promise<unknown> => app.page.evaluate(async (address) => (await fetch(address)).json() as Promise<unknown>, url);

async function expectSpriteAligned(base: string, audio: EncodedAudio, unordered: readonly SpriteClip[]): Promise<void> {
  const clips = [...unordered].sort((a, b) => a.start - b.start);
  for (const file of [audio.webm, audio.mp3]) {
    const decoded = await decodeInBrowser(new URL(file.path, base).href, clips);
    const end = Math.max(...clips.map((clip) => clip.start + clip.duration));
    expect(decoded.duration, file.path).toBeGreaterThanOrEqual(end);
    decoded.clips.forEach((levels, index) => {
      expect(levels.inside, `${file.path} clip ${index} is sound`).toBeGreaterThan(-45);
      expect(levels.before, `${file.path} before clip ${index} is silence`).toBeLessThan(-55);
      expect(levels.after, `${file.path} after clip ${index} is silence`).toBeLessThan(-55);
    });
  }
}

describe('the shipped packs in Chromium', () => {
  it('decode, in both codecs, with every narrator’s lines where its manifest says', async () => {
    const indexUrl = new URL('/packs/index.json', app.page.url()).href;
    const index = (await fetchJson(indexUrl)) as LibraryIndex;
    for (const entry of index.sessions) {
      const manifestUrl = new URL(entry.manifest, indexUrl).href;
      const manifest = (await fetchJson(manifestUrl)) as SessionManifest;
      await expectSpriteAligned(manifestUrl, manifest.narration, Object.values(manifest.lines));
      for (const narrator of Object.values(manifest.narrators ?? {})) await expectSpriteAligned(manifestUrl, narrator.narration, Object.values(narrator.lines));
    }
  });

  it('decode the shared cues where the sprite map says, and each ambience with its bed first and its own sounds after it', async () => {
    const commonUrl = new URL('/packs/common/common.json', app.page.url()).href;
    const common = (await fetchJson(commonUrl)) as CommonManifest;
    await expectSpriteAligned(commonUrl, common.cues.audio, Object.values(common.cues.clips));
    for (const [kind, loop] of Object.entries(common.ambience)) {
      const events = loop.events ?? [];
      const end = Math.max(loop.loopSeconds, ...events.map((clip) => clip.start + clip.duration));
      for (const file of [loop.audio.webm, loop.audio.mp3]) {
        const decoded = await decodeInBrowser(new URL(file.path, commonUrl).href, [{ start: 0.5, duration: loop.loopSeconds - 1 }, ...events]);
        expect(decoded.duration, `${kind} ${file.path}`).toBeGreaterThanOrEqual(end - 0.001);
        expect(decoded.duration, `${kind} ${file.path}`).toBeLessThan(end + 0.5);
        const [bed, ...sounds] = decoded.clips;
        expect(bed?.inside, `${kind} bed`).toBeGreaterThan(-45);
        sounds.forEach((levels, index) => {
          expect(levels.inside, `${kind} sound ${index} is sound`).toBeGreaterThan(-70);
          expect(levels.after, `${kind} after sound ${index} is silence`).toBeLessThan(levels.inside - 20);
        });
      }
    }
  });
});
