import { describe, expect, it } from 'vitest';
import { pcmFrames } from '../../../src/speech/pcm';
import { encodeMp3 } from '../../../src/compiler/render/encode-mp3';
import { readFrameHeader } from '../../../src/compiler/render/mp3-frames';
import { resample } from '../../../src/speech/resample';
import { channelOf } from '../synth/signal-checks';
import { bestLag, decodeWithFfmpeg, hasFfmpeg, speechLike } from './audio-checks';

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

describe('encodeMp3', () => {
  const clip = speechLike(16000, 3);

  it('writes frames behind a Xing Info / LAME tag that carries delay and padding', () => {
    const mp3 = encodeMp3(clip, { kbps: 32 });
    const info = readFrameHeader(mp3, 0);
    if (!info) throw new Error('no first frame');
    expect((((mp3[0] ?? 0) << 8) | (mp3[1] ?? 0)) & 0xffe0).toBe(0xffe0); // the 11-bit frame sync
    const xingAt = 4 + 9; // MPEG-2 mono side information
    expect(ascii(mp3, xingAt, 4)).toBe('Info');
    const view = new DataView(mp3.buffer, mp3.byteOffset);
    const frameCount = view.getUint32(xingAt + 8);
    expect(view.getUint32(xingAt + 12)).toBe(mp3.byteLength);
    const lameAt = xingAt + 120;
    expect(ascii(mp3, lameAt, 4)).toBe('LAME');
    const delay = ((mp3[lameAt + 21] ?? 0) << 4) | ((mp3[lameAt + 22] ?? 0) >> 4);
    const padding = (((mp3[lameAt + 22] ?? 0) & 0x0f) << 8) | (mp3[lameAt + 23] ?? 0);
    expect(delay).toBe(576);
    // The audio frames that follow, counted one by one, hold exactly delay + input + padding samples.
    let frames = 0;
    for (let at = info.length; at < mp3.length; frames += 1) {
      const frame = readFrameHeader(mp3, at);
      if (!frame) throw new Error(`lost frame sync at byte ${at}`);
      expect(frame.sampleRate).toBe(16000);
      at += frame.length;
    }
    expect(frames).toBe(frameCount);
    expect(frameCount * 576).toBe(delay + pcmFrames(clip) + padding);
  });

  it.each([24, 32])('keeps a minute of mono speech at %i kb/s under 0.25 MB', (kbps) => {
    expect(encodeMp3(speechLike(16000, 60), { kbps }).byteLength).toBeLessThanOrEqual(250_000);
  });

  it('resamples to the rate LAME picks for the bitrate, and encodes stereo', () => {
    const mono48 = encodeMp3(resample(clip, 48000), { kbps: 32 });
    expect(readFrameHeader(mono48, 0)?.sampleRate).toBe(22050);
    const stereo = encodeMp3({ sampleRate: 44100, channels: [new Float32Array(44100), new Float32Array(44100)] }, { kbps: 128 });
    const header = readFrameHeader(stereo, 0);
    expect(header?.sampleRate).toBe(44100);
    expect(header?.mono).toBe(false);
  });

  it('refuses more than two channels and impossible bitrates', () => {
    const three = { sampleRate: 16000, channels: [new Float32Array(10), new Float32Array(10), new Float32Array(10)] };
    expect(() => encodeMp3(three, { kbps: 32 })).toThrow(expect.objectContaining({ code: 'unsupported-channels' }));
    expect(() => encodeMp3(clip, { kbps: 500 })).toThrow(expect.objectContaining({ code: 'bad-bitrate' }));
  });

  it.skipIf(!hasFfmpeg)('decodes (ffmpeg) to exactly the source samples, delay and padding trimmed', () => {
    for (const source of [clip, resample(clip, 44100)]) {
      const decoded = decodeWithFfmpeg(encodeMp3(source, { kbps: 64 }), 'mp3', source.sampleRate);
      expect(decoded.length).toBe(pcmFrames(source));
      const match = bestLag(channelOf(source), decoded, 600);
      expect(match.lag).toBe(0);
      expect(match.correlation).toBeGreaterThan(0.97);
    }
  });
});
