import { crc16 } from './crc16';
import type { Mp3Frame } from './mp3-frames';
import { layer3FrameLength, layer3Kbps, sideInfoLength } from './mp3-frames';

export interface GaplessInfo {
  /** The first audio frame: the tag frame copies its version, sample rate and channel mode. */
  readonly template: Mp3Frame;
  readonly audioFrameCount: number;
  /** Every audio frame, for the LAME tag's music length and CRC. */
  readonly audio: Uint8Array;
  /** Samples the encoder put before the first input sample. */
  readonly encoderDelay: number;
  /** Samples of the last frame that follow the last input sample. */
  readonly padding: number;
}

const XING_BYTES = 4 + 4 + 4 + 4 + 100 + 4; // "Info", flags, frames, bytes, TOC, quality
const LAME_BYTES = 36;
const XING_FLAGS = 0x0f; // frames, bytes, TOC and quality are all present
const CBR_METHOD = 1;

/**
 * A silent first frame holding a Xing "Info" header and a LAME tag, as LAME writes for CBR. Decoders
 * that read it (FFmpeg and so Chromium, Safari) skip it, trim the encoder delay and the padding, and
 * play exactly the input samples.
 */
export function lameInfoFrame(info: GaplessInfo): Uint8Array {
  const { template } = info;
  const xingAt = 4 + sideInfoLength(template.versionBits, template.mono);
  const lameAt = xingAt + XING_BYTES;
  const { bitrateIndex, length } = smallestFrameHolding(template, lameAt + LAME_BYTES);
  const frame = new Uint8Array(length);
  const view = new DataView(frame.buffer);
  const totalBytes = length + info.audio.byteLength;

  frame.set([0xff, 0xe0 | (template.versionBits << 3) | 0b011, (bitrateIndex << 4) | (template.sampleRateIndex << 2)]);
  frame[3] = template.modeByte & 0xcf; // keep channel mode and flags, clear the joint-stereo extension

  writeAscii(frame, xingAt, 'Info');
  view.setUint32(xingAt + 4, XING_FLAGS);
  view.setUint32(xingAt + 8, info.audioFrameCount);
  view.setUint32(xingAt + 12, totalBytes);
  for (let i = 0; i < 100; i += 1) frame[xingAt + 16 + i] = Math.floor((256 * i) / 100); // CBR: linear seek table

  writeAscii(frame, lameAt, 'LAME3.100');
  frame[lameAt + 9] = CBR_METHOD;
  frame[lameAt + 20] = Math.min(255, template.kbps);
  frame.set(twelveBitPair(info.encoderDelay, info.padding), lameAt + 21);
  frame[lameAt + 24] = (sourceRateCode(template.sampleRate) << 6) | (stereoModeCode(template.modeByte) << 2);
  view.setUint32(lameAt + 28, totalBytes);
  view.setUint16(lameAt + 32, crc16(info.audio));
  view.setUint16(lameAt + 34, crc16(frame.subarray(0, lameAt + 34)));
  return frame;
}

/** Delay and padding share three bytes, twelve bits each. */
function twelveBitPair(delay: number, padding: number): number[] {
  for (const value of [delay, padding]) {
    if (!Number.isInteger(value) || value < 0 || value > 0xfff) throw new Error(`Gapless value ${value} does not fit 12 bits`);
  }
  return [delay >> 4, ((delay & 0xf) << 4) | (padding >> 8), padding & 0xff];
}

function smallestFrameHolding(template: Mp3Frame, bytes: number): { bitrateIndex: number; length: number } {
  const kbpsTable = layer3Kbps(template.versionBits);
  for (let bitrateIndex = 1; bitrateIndex < kbpsTable.length; bitrateIndex += 1) {
    const length = layer3FrameLength(template.versionBits, kbpsTable[bitrateIndex] ?? 0, template.sampleRate, false);
    if (length >= bytes) return { bitrateIndex, length };
  }
  throw new Error(`No Layer III frame at ${template.sampleRate} Hz holds ${bytes} bytes`);
}

/** LAME tag "source frequency": 0 up to 32 kHz, 1 for 44.1 kHz, 2 for 48 kHz, 3 above. */
function sourceRateCode(sampleRate: number): number {
  if (sampleRate <= 32000) return 0;
  if (sampleRate <= 44100) return 1;
  return sampleRate <= 48000 ? 2 : 3;
}

/** LAME tag stereo mode from the header's channel mode: stereo 1, joint 3, dual 2, mono 0. */
function stereoModeCode(modeByte: number): number {
  return [1, 3, 2, 0][modeByte >> 6] ?? 0;
}

function writeAscii(frame: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i += 1) frame[at + i] = text.charCodeAt(i);
}
