/** Opus always decodes at 48 kHz; pre-skip and container timing count 48 kHz samples. */
export const OPUS_DECODE_RATE = 48000;

/** The OpusHead identification header (RFC 7845 §5.1), used as WebM CodecPrivate. */
export function opusHead(channelCount: number, preSkip: number, inputSampleRate: number): Uint8Array {
  const head = new Uint8Array(19);
  const view = new DataView(head.buffer);
  head.set(new TextEncoder().encode('OpusHead'), 0);
  view.setUint8(8, 1); // version
  view.setUint8(9, channelCount);
  view.setUint16(10, preSkip, true);
  view.setUint32(12, inputSampleRate, true);
  view.setInt16(16, 0, true); // output gain
  view.setUint8(18, 0); // mapping family 0: mono or stereo, no mapping table
  return head;
}
