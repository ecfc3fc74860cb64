import type { Pcm } from '../../speech/pcm';
import type { AmbienceStream } from './ambience-stream';
import { loopWander, prerollFrames } from './ambience-stream';
import { addDroplets } from './droplets';
import { BiquadBandPass, OnePoleLowPass } from '../../speech/filters';
import { rmsOf } from '../../speech/levels';
import { whiteNoise } from './random';
import { slowCurve } from './slow-curve';
import type { Stereo } from './stereo';

const patterGain = 0.5;
const swaySeconds = 6;
/** Loudest droplet's peak relative to the rain bed's RMS level. */
const dropletLevel = 1.2;

/** Steady soft rain: a band-passed hiss with a low patter beneath it and many tiny droplets on top. */
export function renderRain(stream: AmbienceStream): Pcm {
  const { sampleRate, frames, random } = stream;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  // The rain's intensity wanders at random, repeating only with the loop.
  const sways = [loopWander(stream, swaySeconds), loopWander(stream, swaySeconds)];
  const voices = [
    { target: left, ear: 0 },
    { target: right, ear: 1 },
  ].map(({ target, ear }) => ({
    target,
    intensity: slowCurve(stream, (frame) => 0.92 + 0.08 * (sways[ear]?.(frame) ?? 0)),
    hiss: new BiquadBandPass(1300, 0.45, sampleRate),
    softener: new OnePoleLowPass(4000, sampleRate),
    patter: new OnePoleLowPass(350, sampleRate),
  }));
  for (let frame = -prerollFrames(sampleRate); frame < frames; frame += 1) {
    for (const voice of voices) {
      const hiss = voice.softener.next(voice.hiss.next(whiteNoise(random)));
      const patter = voice.patter.next(whiteNoise(random));
      if (frame >= 0) voice.target[frame] = voice.intensity(frame) * (hiss + patterGain * patter);
    }
  }
  const channels: Stereo = [left, right];
  addDroplets(channels, stream, dropletLevel * rmsOf(channels));
  return { sampleRate, channels };
}
