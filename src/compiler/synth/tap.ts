import type { Pcm } from '../../speech/pcm';
import { fadeInPlace, fadeOutInPlace } from '../../speech/fades';
import { OnePoleLowPass } from '../../speech/filters';
import { normalizePeakInPlace } from '../../speech/levels';
import { createRandom } from '../../engine/seeded-random';
import { whiteNoise } from './random';

interface WoodMode {
  readonly frequencyHz: number;
  readonly amplitude: number;
  readonly decaySeconds: number;
}

// Low, quickly damped modes: a knuckle on a padded wooden box rather than a hard wood block.
const modes: readonly WoodMode[] = [
  { frequencyHz: 310, amplitude: 1, decaySeconds: 0.03 },
  { frequencyHz: 742, amplitude: 0.4, decaySeconds: 0.02 },
  { frequencyHz: 1590, amplitude: 0.14, decaySeconds: 0.009 },
];
/** The struck body sags in pitch by this fraction right after the hit. */
const pitchSag = 0.05;
const pitchSagSeconds = 0.012;
const contactNoiseLevel = 0.25;
const contactNoiseSeconds = 0.003;
const durationSeconds = 0.25;
const attackSeconds = 0.002;
const releaseSeconds = 0.08;
const peak = 0.4;
const seed = 0x7a9;

/** A soft, muted wooden tap for bilateral (butterfly-hug) taps: mono, 0.25 s, click-free. */
export function synthTap(sampleRate: number): Pcm {
  const samples = new Float32Array(Math.round(durationSeconds * sampleRate));
  for (const mode of modes) {
    let phase = 0;
    for (let index = 0; index < samples.length; index += 1) {
      const time = index / sampleRate;
      const frequency = mode.frequencyHz * (1 + pitchSag * Math.exp(-time / pitchSagSeconds));
      phase += (2 * Math.PI * frequency) / sampleRate;
      samples[index] = (samples[index] ?? 0) + mode.amplitude * Math.exp(-time / mode.decaySeconds) * Math.sin(phase);
    }
  }
  addContactNoise(samples, sampleRate);
  fadeInPlace(samples, Math.round(attackSeconds * sampleRate));
  fadeOutInPlace(samples, Math.round(releaseSeconds * sampleRate));
  normalizePeakInPlace([samples], peak);
  return { sampleRate, channels: [samples] };
}

/** A few milliseconds of dull noise: the felt of the contact itself. */
function addContactNoise(samples: Float32Array, sampleRate: number): void {
  const random = createRandom(seed);
  const dull = new OnePoleLowPass(1800, sampleRate);
  const frames = Math.min(samples.length, Math.round(8 * contactNoiseSeconds * sampleRate));
  for (let index = 0; index < frames; index += 1) {
    const level = contactNoiseLevel * Math.exp(-index / (contactNoiseSeconds * sampleRate));
    samples[index] = (samples[index] ?? 0) + level * dull.next(whiteNoise(random));
  }
}
