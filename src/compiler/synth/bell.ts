import type { Pcm } from '../../speech/pcm';
import { fadeInPlace, fadeOutInPlace } from '../../speech/fades';
import { normalizePeakInPlace } from '../../speech/levels';

interface BowlPartial {
  readonly ratio: number;
  readonly amplitude: number;
  readonly decaySeconds: number;
  /** Each partial is a pair of sines this far apart, giving a singing bowl's slow wobble. */
  readonly beatHz: number;
}

const fundamentalHz = 216;
// Inharmonic ratios close to those measured on Himalayan singing bowls; higher partials die sooner.
const partials: readonly BowlPartial[] = [
  { ratio: 1, amplitude: 1, decaySeconds: 2.2, beatHz: 0.4 },
  { ratio: 2.71, amplitude: 0.38, decaySeconds: 1.4, beatHz: 0.7 },
  { ratio: 5.15, amplitude: 0.13, decaySeconds: 0.75, beatHz: 1.1 },
  { ratio: 8.43, amplitude: 0.05, decaySeconds: 0.4, beatHz: 1.6 },
];
const durationSeconds = 6;
const attackSeconds = 0.006;
const releaseSeconds = 1.5;
const peak = 0.45;

/** A soft, warm singing-bowl bell: mono, 6 s, starting and ending at exactly zero. */
export function synthBell(sampleRate: number): Pcm {
  const samples = new Float32Array(Math.round(durationSeconds * sampleRate));
  for (const partial of partials) {
    const frequency = fundamentalHz * partial.ratio;
    for (let index = 0; index < samples.length; index += 1) {
      const time = index / sampleRate;
      const pair =
        Math.sin(2 * Math.PI * frequency * time) + Math.sin(2 * Math.PI * (frequency + partial.beatHz) * time);
      const level = 0.5 * partial.amplitude * Math.exp(-time / partial.decaySeconds);
      samples[index] = (samples[index] ?? 0) + level * pair;
    }
  }
  fadeInPlace(samples, Math.round(attackSeconds * sampleRate));
  fadeOutInPlace(samples, Math.round(releaseSeconds * sampleRate));
  normalizePeakInPlace([samples], peak);
  return { sampleRate, channels: [samples] };
}
