/** Header fields of one MPEG audio Layer III frame. */
export interface Mp3Frame {
  readonly offset: number;
  readonly length: number;
  /** 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5, as coded in the header. */
  readonly versionBits: number;
  readonly sampleRateIndex: number;
  readonly sampleRate: number;
  readonly kbps: number;
  readonly samplesPerFrame: number;
  readonly mono: boolean;
  /** The header's fourth byte: channel mode, copyright, original, emphasis. */
  readonly modeByte: number;
}

const SAMPLE_RATES: Record<number, readonly number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

/** Layer III bitrates in kb/s by bitrate index, for MPEG-1 and for MPEG-2/2.5. */
export const LAYER3_KBPS = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
} as const;

export function layer3Kbps(versionBits: number): readonly number[] {
  return versionBits === 3 ? LAYER3_KBPS.mpeg1 : LAYER3_KBPS.mpeg2;
}

export function layer3FrameLength(versionBits: number, kbps: number, sampleRate: number, padded: boolean): number {
  const coefficient = versionBits === 3 ? 144 : 72;
  return Math.floor((coefficient * kbps * 1000) / sampleRate) + (padded ? 1 : 0);
}

/** Bytes of zeroed side information between the header and the payload of a Layer III frame. */
export function sideInfoLength(versionBits: number, mono: boolean): number {
  if (versionBits === 3) return mono ? 17 : 32;
  return mono ? 9 : 17;
}

/** Walks a headerless Layer III stream frame by frame; throws on anything else. */
export function readMp3Frames(bytes: Uint8Array): Mp3Frame[] {
  const frames: Mp3Frame[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const frame = readFrameHeader(bytes, offset);
    if (frame === undefined) throw new Error(`No Layer III frame header at byte ${offset}`);
    frames.push(frame);
    offset += frame.length;
  }
  return frames;
}

export function readFrameHeader(bytes: Uint8Array, offset: number): Mp3Frame | undefined {
  const [b0, b1, b2, b3] = [bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]];
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || b3 === undefined || (b1 & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const sampleRate = SAMPLE_RATES[versionBits]?.[(b2 >> 2) & 3];
  const kbps = layer3Kbps(versionBits)[b2 >> 4];
  if (layerBits !== 1 || sampleRate === undefined || kbps === undefined || kbps === 0) return undefined;
  return {
    offset,
    length: layer3FrameLength(versionBits, kbps, sampleRate, ((b2 >> 1) & 1) === 1),
    versionBits,
    sampleRateIndex: (b2 >> 2) & 3,
    sampleRate,
    kbps,
    samplesPerFrame: versionBits === 3 ? 1152 : 576,
    mono: b3 >> 6 === 3,
    modeByte: b3,
  };
}
