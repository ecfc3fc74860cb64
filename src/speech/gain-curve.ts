import type { Pcm } from './pcm';
import { pcmFrames } from './pcm';

/** The loudest channel's magnitude at each frame: the detector input for linked-stereo dynamics. */
export function linkedMagnitude(pcm: Pcm): Float32Array {
  const magnitude = new Float32Array(pcmFrames(pcm));
  for (const samples of pcm.channels) {
    for (let i = 0; i < magnitude.length; i += 1) {
      magnitude[i] = Math.max(magnitude[i] ?? 0, Math.abs(samples[i] ?? 0));
    }
  }
  return magnitude;
}

/** Multiplies every channel by a per-frame gain curve, into new arrays. */
export function applyGainCurve(pcm: Pcm, gains: Float32Array): Pcm {
  return {
    sampleRate: pcm.sampleRate,
    channels: pcm.channels.map((samples) => samples.map((sample, i) => sample * (gains[i] ?? 1))),
  };
}
