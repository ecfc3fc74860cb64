import OpusScript from 'opusscript';
import { ArrayBufferTarget, Muxer } from 'webm-muxer';
import type { Pcm } from '../../speech/pcm';
import { pcmFrames } from '../../speech/pcm';
import { interleaveInt16 } from '../../speech/int16';
import { OPUS_DECODE_RATE, opusHead } from './opus-head';
import { RenderError } from './render-error';
import { resample } from '../../speech/resample';
import { writeOpusDelays } from './webm-opus-delay';

export interface OpusWebmOptions {
  /** Target bits per second (VBR), 6000–510000. */
  readonly bitrate: number;
  /** Tunes the encoder for narration or for music and ambience. Default 'voice'. */
  readonly application?: 'voice' | 'music';
}

type OpusRate = 8000 | 12000 | 16000 | 24000 | 48000;

const OPUS_RATES: readonly OpusRate[] = [8000, 12000, 16000, 24000, 48000];
const FRAMES_PER_SECOND = 50; // 20 ms packets
const SAMPLES_PER_MS = OPUS_DECODE_RATE / 1000;
const SEEK_PRE_ROLL_NS = 80_000_000; // the value the WebM Opus mapping recommends
const CTL = { setVbr: 4006, setComplexity: 4010, setSignal: 4024 } as const;
const SIGNAL = { voice: 3001, music: 3002 } as const;

/**
 * Opus in WebM, mono or stereo. The pre-skip is in both OpusHead and the Matroska CodecDelay
 * (Firefox refuses a file where they differ), so players trim the encoder's delay.
 */
export function encodeOpusWebm(pcm: Pcm, options: OpusWebmOptions): Uint8Array {
  const channelCount = pcm.channels.length;
  if (channelCount !== 1 && channelCount !== 2) throw new RenderError('unsupported-channels', `${channelCount}`);
  if (!(options.bitrate >= 6000 && options.bitrate <= 510000)) {
    throw new RenderError('bad-bitrate', `${options.bitrate} b/s for Opus`);
  }
  const application = options.application ?? 'voice';
  const rate: OpusRate = isOpusRate(pcm.sampleRate) ? pcm.sampleRate : OPUS_DECODE_RATE;
  const input = rate === pcm.sampleRate ? pcm : resample(pcm, rate);
  const frameSize = rate / FRAMES_PER_SECOND;
  const toDecodeRate = OPUS_DECODE_RATE / rate;
  // Matroska times are whole milliseconds, and Chromium rounds a 6.5 ms CodecDelay to 7 ms: lead in
  // with silence so the pre-skip is exactly 7 ms, and every player trims the same amount.
  const preSkip = Math.ceil((lookahead(rate) * toDecodeRate) / SAMPLES_PER_MS) * SAMPLES_PER_MS;
  const leadIn = preSkip / toDecodeRate - lookahead(rate);
  // Encode past the end by the lookahead, so the last real sample comes out of the encoder.
  const packetCount = Math.ceil((leadIn + pcmFrames(input) + lookahead(rate)) / frameSize);

  const muxer = new Muxer({
    target: new ArrayBufferTarget(),
    audio: { codec: 'A_OPUS', numberOfChannels: channelCount, sampleRate: OPUS_DECODE_RATE },
  });
  const encoder = new OpusScript(
    rate,
    channelCount,
    application === 'voice' ? OpusScript.Application.VOIP : OpusScript.Application.AUDIO,
  );
  try {
    encoder.setBitrate(options.bitrate);
    encoder.encoderCTL(CTL.setVbr, 1);
    encoder.encoderCTL(CTL.setComplexity, 10);
    encoder.encoderCTL(CTL.setSignal, SIGNAL[application]);
    const description = opusHead(channelCount, preSkip, pcm.sampleRate);
    for (let index = 0; index < packetCount; index++) {
      const samples = interleaveInt16(input.channels, index * frameSize - leadIn, frameSize);
      const packet = encoder.encode(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength), frameSize);
      const timestampMicros = (index * 1_000_000) / FRAMES_PER_SECOND;
      const meta =
        index === 0
          ? { decoderConfig: { codec: 'opus', sampleRate: OPUS_DECODE_RATE, numberOfChannels: channelCount, description } }
          : undefined;
      muxer.addAudioChunkRaw(new Uint8Array(packet), 'key', timestampMicros, meta);
    }
  } finally {
    encoder.delete();
  }
  muxer.finalize();
  const codecDelayNs = Math.round((preSkip * 1e9) / OPUS_DECODE_RATE);
  return writeOpusDelays(new Uint8Array(muxer.target.buffer), codecDelayNs, SEEK_PRE_ROLL_NS);
}

/** libopus's OPUS_GET_LOOKAHEAD outside restricted-low-delay mode: Fs/400 + Fs/250 (312 at 48 kHz). */
function lookahead(rate: OpusRate): number {
  return rate / 400 + rate / 250;
}

function isOpusRate(rate: number): rate is OpusRate {
  return OPUS_RATES.some((opusRate) => opusRate === rate);
}
