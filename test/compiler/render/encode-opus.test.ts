import { describe, expect, it } from 'vitest';
import type { Pcm } from '../../../src/speech/pcm';
import { pcmFrames } from '../../../src/speech/pcm';
import { encodeOpusWebm } from '../../../src/compiler/render/encode-opus';
import { resample } from '../../../src/speech/resample';
import { channelOf } from '../synth/signal-checks';
import { bestLag, decodeWithFfmpeg, hasFfmpeg, speechLike } from './audio-checks';

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

function indexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('encodeOpusWebm', () => {
  const clip = speechLike(16000, 3);

  it('writes a WebM file with an OpusHead whose pre-skip matches the Matroska CodecDelay', () => {
    const webm = encodeOpusWebm(clip, { bitrate: 24000 });
    expect([...webm.subarray(0, 4)]).toEqual(EBML_MAGIC);
    const head = indexOfBytes(webm, [...new TextEncoder().encode('OpusHead')]);
    expect(head).toBeGreaterThan(0);
    const view = new DataView(webm.buffer, webm.byteOffset);
    expect(webm[head + 9]).toBe(1); // channels
    const preSkip = view.getUint16(head + 10, true);
    expect(preSkip).toBe(336); // libopus lookahead (312) led in to a whole 7 ms
    expect(view.getUint32(head + 12, true)).toBe(16000);
    const codecDelay = indexOfBytes(webm, [0x56, 0xaa, 0x84]);
    expect(view.getUint32(codecDelay + 3)).toBe((preSkip / 48000) * 1e9);
    expect(indexOfBytes(webm, [0x56, 0xbb, 0x84])).toBeGreaterThan(0); // SeekPreRoll
  });

  it('keeps a minute of speech at 24 kb/s mono under 0.25 MB', () => {
    const minute = encodeOpusWebm(speechLike(16000, 60), { bitrate: 24000, application: 'voice' });
    expect(minute.byteLength).toBeLessThanOrEqual(250_000);
  });

  it('encodes stereo and rates Opus does not take directly', () => {
    const stereo44: Pcm = resample({ sampleRate: 16000, channels: [channelOf(clip), channelOf(clip).map((s) => -s)] }, 44100);
    const webm = encodeOpusWebm(stereo44, { bitrate: 48000, application: 'music' });
    const head = indexOfBytes(webm, [...new TextEncoder().encode('OpusHead')]);
    expect(webm[head + 9]).toBe(2);
  });

  it('refuses more than two channels and impossible bitrates', () => {
    const three = { sampleRate: 48000, channels: [new Float32Array(960), new Float32Array(960), new Float32Array(960)] };
    expect(() => encodeOpusWebm(three, { bitrate: 24000 })).toThrow(expect.objectContaining({ code: 'unsupported-channels' }));
    expect(() => encodeOpusWebm(clip, { bitrate: 1000 })).toThrow(expect.objectContaining({ code: 'bad-bitrate' }));
  });

  it.skipIf(!hasFfmpeg)('decodes (ffmpeg) to the source, aligned and as long within 30 ms', () => {
    const source = resample(clip, 48000);
    for (const [application, minimumCorrelation] of [
      ['music', 0.98],
      ['voice', 0.85], // VoIP mode deliberately reshapes the spectrum
    ] as const) {
      const decoded = decodeWithFfmpeg(encodeOpusWebm(clip, { bitrate: 32000, application }), 'webm', 48000);
      expect(Math.abs(decoded.length - pcmFrames(source)) / 48).toBeLessThan(30);
      const match = bestLag(channelOf(source), decoded, 96);
      expect(Math.abs(match.lag)).toBeLessThanOrEqual(12); // ≤ 0.25 ms
      expect(match.correlation).toBeGreaterThan(minimumCorrelation);
    }
  });
});
