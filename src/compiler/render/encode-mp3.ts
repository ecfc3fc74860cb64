import { Mp3Encoder } from '@breezystack/lamejs';
import type { Pcm } from '../../speech/pcm';
import { pcmFrames } from '../../speech/pcm';
import { channelToInt16 } from '../../speech/int16';
import { lameInfoFrame } from './mp3-info-frame';
import { readFrameHeader, readMp3Frames } from './mp3-frames';
import { RenderError } from './render-error';
import { resample } from '../../speech/resample';

export interface Mp3Options {
  /** Constant bitrate in kb/s, 8–320. Low rates make LAME pick a lower sample rate; we resample to it first. */
  readonly kbps: number;
}

/** LAME's ENCDELAY, unchanged in lamejs: samples the encoder adds before the first input sample. */
const ENCODER_DELAY = 576;
const CHUNK_FRAMES = 1152 * 16;

/**
 * CBR MP3 via lamejs, mono or stereo, led by a Xing/LAME info frame that carries the encoder delay
 * and padding, so players that honour it (Chromium, Safari, FFmpeg) play exactly the input samples.
 */
export function encodeMp3(pcm: Pcm, options: Mp3Options): Uint8Array {
  const channelCount = pcm.channels.length;
  if (channelCount !== 1 && channelCount !== 2) throw new RenderError('unsupported-channels', `${channelCount}`);
  if (!(Number.isInteger(options.kbps) && options.kbps >= 8 && options.kbps <= 320)) {
    throw new RenderError('bad-bitrate', `${options.kbps} kb/s for MP3`);
  }
  if (pcm.sampleRate < 8000) throw new RenderError('bad-sample-rate', `${pcm.sampleRate} Hz is below MP3's 8 kHz`);
  // lamejs resamples on its own (crudely, and it would blur the delay); give it its chosen rate.
  const input = resample(pcm, lameSampleRate(channelCount, pcm.sampleRate, options.kbps));
  const audio = encodeFrames(input, options.kbps);
  const frames = readMp3Frames(audio);
  const template = frames[0];
  if (template === undefined || template.sampleRate !== input.sampleRate) {
    throw new RenderError('mp3-encoder-resampled', `${input.sampleRate} Hz in, ${template?.sampleRate ?? 'nothing'} out`);
  }
  const info = lameInfoFrame({
    template,
    audioFrameCount: frames.length,
    audio,
    encoderDelay: ENCODER_DELAY,
    padding: frames.length * template.samplesPerFrame - ENCODER_DELAY - pcmFrames(input),
  });
  return concat([info, audio]);
}

function encodeFrames(pcm: Pcm, kbps: number): Uint8Array {
  const encoder = new Mp3Encoder(pcm.channels.length, pcm.sampleRate, kbps);
  const [left, right] = pcm.channels.map(channelToInt16);
  const parts: Uint8Array[] = [];
  for (let start = 0; start < pcmFrames(pcm); start += CHUNK_FRAMES) {
    const end = start + CHUNK_FRAMES;
    parts.push(copyBytes(encoder.encodeBuffer(left?.subarray(start, end) ?? new Int16Array(0), right?.subarray(start, end))));
  }
  parts.push(copyBytes(encoder.flush()));
  return concat(parts);
}

/** The output rate LAME settles on for these settings, found by encoding a frame of silence. */
function lameSampleRate(channelCount: number, sampleRate: number, kbps: number): number {
  const probe = new Mp3Encoder(channelCount, sampleRate, kbps);
  const silence = new Int16Array(1152);
  const bytes = concat([
    copyBytes(probe.encodeBuffer(silence, channelCount === 2 ? silence : undefined)),
    copyBytes(probe.flush()),
  ]);
  const header = readFrameHeader(bytes, 0);
  if (header === undefined) throw new RenderError('mp3-encoder-resampled', 'the encoder produced no frame');
  return header.sampleRate;
}

/** lamejs hands back a view into its own buffer (typed Uint8Array, really an Int8Array). */
function copyBytes(chunk: ArrayBufferView): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice();
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
