/** 16-bit sample conversions shared by the WAV writer and the encoders. Full scale is 32768 both ways. */

export function floatToInt16(sample: number): number {
  const scaled = Math.round(sample * 32768);
  return scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : scaled;
}

export function int16ToFloat(sample: number): number {
  return sample / 32768;
}

export function channelToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i += 1) out[i] = floatToInt16(samples[i] ?? 0);
  return out;
}

/** Interleaves `frames` frames from `start` (which may be negative), zero-filling outside the input. */
export function interleaveInt16(channels: readonly Float32Array[], start: number, frames: number): Int16Array {
  const out = new Int16Array(frames * channels.length);
  channels.forEach((samples, channel) => {
    const from = Math.max(0, -start);
    const to = Math.min(frames, samples.length - start);
    for (let i = from; i < to; i += 1) out[i * channels.length + channel] = floatToInt16(samples[start + i] ?? 0);
  });
  return out;
}
