import type { Pcm } from '../../speech/pcm';
import { fadeInPlace, fadeOutInPlace } from '../../speech/fades';
import { normalizePeakInPlace } from '../../speech/levels';

export type BreathToneKind = 'inhale' | 'exhale' | 'hold';

interface Glide {
  readonly fromHz: number;
  readonly toHz: number;
}

const glides: Readonly<Record<BreathToneKind, Glide>> = {
  inhale: { fromHz: 330, toHz: 440 },
  exhale: { fromHz: 440, toHz: 330 },
  hold: { fromHz: 262, toHz: 262 },
};
// Quiet upper harmonics: warmer than a bare sine, still far too weak to add zero crossings.
const harmonics: readonly number[] = [1, 0.12, 0.04];
const durationSeconds = 0.8;
const attackSeconds = 0.15;
const releaseSeconds = 0.35;
const peak = 0.3;

/** A soft breathing cue: mono, 0.8 s; inhale glides up, exhale glides down, hold stays low and steady. */
export function synthBreathTone(kind: BreathToneKind, sampleRate: number): Pcm {
  const { fromHz, toHz } = glides[kind];
  const samples = new Float32Array(Math.round(durationSeconds * sampleRate));
  let phase = 0;
  for (let index = 0; index < samples.length; index += 1) {
    const progress = index / samples.length;
    const eased = progress * progress * (3 - 2 * progress);
    phase += (2 * Math.PI * (fromHz + (toHz - fromHz) * eased)) / sampleRate;
    let sample = 0;
    harmonics.forEach((amplitude, order) => {
      sample += amplitude * Math.sin((order + 1) * phase);
    });
    samples[index] = sample;
  }
  fadeInPlace(samples, Math.round(attackSeconds * sampleRate));
  fadeOutInPlace(samples, Math.round(releaseSeconds * sampleRate));
  normalizePeakInPlace([samples], peak);
  return { sampleRate, channels: [samples] };
}
