import { describe, expect, it } from 'vitest';
import { SpeechError } from '../../src/speech/speech-error';
import { decodeWav, encodeWav } from '../../src/speech/wav';
import { channelOf } from '../compiler/synth/signal-checks';

function wavBytes(format: { tag: number; channels: number; rate: number; bits: number }, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(44 + data.byteLength);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + data.byteLength, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, format.tag, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.rate, true);
  view.setUint32(28, (format.rate * format.channels * format.bits) / 8, true);
  view.setUint16(32, (format.channels * format.bits) / 8, true);
  view.setUint16(34, format.bits, true);
  ascii(36, 'data');
  view.setUint32(40, data.byteLength, true);
  bytes.set(data, 44);
  return bytes;
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof SpeechError ? error.code : `not a SpeechError: ${String(error)}`;
  }
  return undefined;
}

describe('WAV', () => {
  it('round-trips stereo 16-bit audio sample for sample', () => {
    const left = Float32Array.from({ length: 1000 }, (_, i) => Math.round(Math.sin(i / 7) * 20000) / 32768);
    const right = Float32Array.from({ length: 1000 }, (_, i) => Math.round(Math.cos(i / 5) * -30000) / 32768);
    const decoded = decodeWav(encodeWav({ sampleRate: 22050, channels: [left, right] }));
    expect(decoded.sampleRate).toBe(22050);
    expect(channelOf(decoded, 0)).toEqual(left);
    expect(channelOf(decoded, 1)).toEqual(right);
  });

  it('quantises arbitrary samples to within half a 16-bit step and clips beyond full scale', () => {
    const samples = Float32Array.from([0.123456, -0.987654, 1.5, -1.5, 0]);
    const decoded = channelOf(decodeWav(encodeWav({ sampleRate: 8000, channels: [samples] })));
    expect(decoded[0]).toBeCloseTo(0.123456, 4);
    expect(decoded[1]).toBeCloseTo(-0.987654, 4);
    expect(decoded[2]).toBeCloseTo(32767 / 32768, 6);
    expect(decoded[3]).toBe(-1);
    expect(decoded[4]).toBe(0);
  });

  it('reads 32-bit float WAV', () => {
    const floats = new Float32Array([0.25, -0.5, 0.75, -1]);
    const decoded = decodeWav(wavBytes({ tag: 3, channels: 2, rate: 48000, bits: 32 }, new Uint8Array(floats.buffer)));
    expect(channelOf(decoded, 0)).toEqual(new Float32Array([0.25, 0.75]));
    expect(channelOf(decoded, 1)).toEqual(new Float32Array([-0.5, -1]));
  });

  it('skips unknown chunks and reads from a byte view with an offset', () => {
    const encoded = encodeWav({ sampleRate: 16000, channels: [new Float32Array([0.5, -0.5])] });
    const withList = new Uint8Array(encoded.byteLength + 12 + 7);
    withList.set(encoded.subarray(0, 36), 7);
    withList.set([0x4c, 0x49, 0x53, 0x54, 4, 0, 0, 0, 1, 2, 3, 4], 7 + 36); // a 'LIST' chunk
    withList.set(encoded.subarray(36), 7 + 48);
    expect(channelOf(decodeWav(withList.subarray(7)))).toEqual(new Float32Array([0.5, -0.5]));
  });

  it('refuses formats it cannot read, with a code', () => {
    expect(codeOf(() => decodeWav(new TextEncoder().encode('not a wav file at all')))).toBe('wav-malformed');
    expect(codeOf(() => decodeWav(wavBytes({ tag: 1, channels: 1, rate: 8000, bits: 24 }, new Uint8Array(6))))).toBe(
      'wav-unsupported-format',
    );
    expect(codeOf(() => decodeWav(wavBytes({ tag: 1, channels: 1, rate: 8000, bits: 8 }, new Uint8Array(4))))).toBe(
      'wav-unsupported-format',
    );
    expect(codeOf(() => decodeWav(wavBytes({ tag: 1, channels: 6, rate: 8000, bits: 16 }, new Uint8Array(24))))).toBe(
      'wav-unsupported-channels',
    );
  });
});
