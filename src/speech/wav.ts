import type { Pcm } from './pcm';
import { pcmFrames } from './pcm';
import { floatToInt16, int16ToFloat } from './int16';
import { SpeechError } from './speech-error';

type SampleEncoding = 'int16' | 'float32';

interface WavFormat {
  readonly encoding: SampleEncoding;
  readonly channelCount: number;
  readonly sampleRate: number;
}

interface ByteRange {
  readonly offset: number;
  readonly length: number;
}

const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
const HEADER_BYTES = 44;

/** Reads 16-bit PCM or 32-bit float WAV, mono or stereo. */
export function decodeWav(bytes: Uint8Array): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || fourCC(view, 0) !== 'RIFF' || fourCC(view, 8) !== 'WAVE') {
    throw new SpeechError('wav-malformed', 'no RIFF/WAVE header');
  }
  let format: WavFormat | undefined;
  let data: ByteRange | undefined;
  for (let offset = 12; offset + 8 <= bytes.byteLength; ) {
    const id = fourCC(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') format = readFormat(view, body, size);
    // A writer that could not seek back leaves a too-large data size: take what is there.
    if (id === 'data') data = { offset: body, length: Math.min(size, bytes.byteLength - body) };
    offset = body + size + (size % 2);
  }
  if (format === undefined) throw new SpeechError('wav-malformed', 'no fmt chunk');
  if (data === undefined) throw new SpeechError('wav-malformed', 'no data chunk');
  return readSamples(view, format, data);
}

/** Writes 16-bit PCM WAV. */
export function encodeWav(pcm: Pcm): Uint8Array {
  const channelCount = pcm.channels.length;
  const frames = pcmFrames(pcm);
  const blockAlign = channelCount * 2;
  const bytes = new Uint8Array(HEADER_BYTES + frames * blockAlign);
  const view = new DataView(bytes.buffer);
  writeFourCC(view, 0, 'RIFF');
  view.setUint32(4, bytes.byteLength - 8, true);
  writeFourCC(view, 8, 'WAVE');
  writeFourCC(view, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, FORMAT_PCM, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true);
  writeFourCC(view, 36, 'data');
  view.setUint32(40, frames * blockAlign, true);
  pcm.channels.forEach((samples, channel) => {
    for (let frame = 0; frame < frames; frame++) {
      view.setInt16(HEADER_BYTES + frame * blockAlign + channel * 2, floatToInt16(samples[frame] ?? 0), true);
    }
  });
  return bytes;
}

function readFormat(view: DataView, body: number, size: number): WavFormat {
  if (size < 16) throw new SpeechError('wav-malformed', 'fmt chunk too short');
  const tag = view.getUint16(body, true);
  const channelCount = view.getUint16(body + 2, true);
  const sampleRate = view.getUint32(body + 4, true);
  const bitsPerSample = view.getUint16(body + 14, true);
  // WAVE_FORMAT_EXTENSIBLE keeps the real tag in the first two bytes of its sub-format GUID.
  const effectiveTag = tag === FORMAT_EXTENSIBLE && size >= 26 ? view.getUint16(body + 24, true) : tag;
  const encoding = sampleEncoding(effectiveTag, bitsPerSample);
  if (encoding === undefined) {
    throw new SpeechError('wav-unsupported-format', `format tag ${effectiveTag}, ${bitsPerSample} bits`);
  }
  if (channelCount !== 1 && channelCount !== 2) {
    throw new SpeechError('wav-unsupported-channels', `${channelCount} channels`);
  }
  if (sampleRate === 0) throw new SpeechError('wav-malformed', 'sample rate 0');
  return { encoding, channelCount, sampleRate };
}

function sampleEncoding(tag: number, bitsPerSample: number): SampleEncoding | undefined {
  if (tag === FORMAT_PCM && bitsPerSample === 16) return 'int16';
  if (tag === FORMAT_FLOAT && bitsPerSample === 32) return 'float32';
  return undefined;
}

function readSamples(view: DataView, format: WavFormat, data: ByteRange): Pcm {
  const bytesPerSample = format.encoding === 'int16' ? 2 : 4;
  const blockAlign = bytesPerSample * format.channelCount;
  const frames = Math.floor(data.length / blockAlign);
  const channels = Array.from({ length: format.channelCount }, () => new Float32Array(frames));
  channels.forEach((samples, channel) => {
    for (let frame = 0; frame < frames; frame++) {
      const at = data.offset + frame * blockAlign + channel * bytesPerSample;
      samples[frame] = format.encoding === 'int16' ? int16ToFloat(view.getInt16(at, true)) : view.getFloat32(at, true);
    }
  });
  return { sampleRate: format.sampleRate, channels };
}

function fourCC(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

function writeFourCC(view: DataView, offset: number, text: string): void {
  for (let i = 0; i < 4; i++) view.setUint8(offset + i, text.charCodeAt(i));
}
