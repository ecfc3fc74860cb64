/** Uncompressed audio as the compiler passes it between stages: one Float32Array per channel, −1…1. */
export interface Pcm {
  readonly sampleRate: number;
  readonly channels: readonly Float32Array[];
}

export function pcmFrames(pcm: Pcm): number {
  return pcm.channels[0]?.length ?? 0;
}

export function pcmSeconds(pcm: Pcm): number {
  return pcmFrames(pcm) / pcm.sampleRate;
}

export function silentPcm(sampleRate: number, frames: number, channelCount = 1): Pcm {
  return { sampleRate, channels: Array.from({ length: channelCount }, () => new Float32Array(frames)) };
}

/** Averages all channels into one. */
export function mixToMono(pcm: Pcm): Pcm {
  if (pcm.channels.length === 1) return pcm;
  const mono = new Float32Array(pcmFrames(pcm));
  for (const channel of pcm.channels) {
    for (let frame = 0; frame < mono.length; frame += 1) mono[frame] = (mono[frame] ?? 0) + (channel[frame] ?? 0) / pcm.channels.length;
  }
  return { sampleRate: pcm.sampleRate, channels: [mono] };
}

/** Joins mono or multichannel clips of one format end to end with `seconds` of silence between. */
export function joinWithSilence(parts: readonly Pcm[], seconds: number): Pcm {
  const first = parts[0];
  if (!first) throw new Error('Nothing to join.');
  const gap = Math.round(seconds * first.sampleRate);
  const frames = parts.reduce((sum, part) => sum + pcmFrames(part), gap * (parts.length - 1));
  const joined = silentPcm(first.sampleRate, frames, first.channels.length);
  let cursor = 0;
  for (const part of parts) {
    part.channels.forEach((channel, index) => joined.channels[index]?.set(channel, cursor));
    cursor += pcmFrames(part) + gap;
  }
  return joined;
}
