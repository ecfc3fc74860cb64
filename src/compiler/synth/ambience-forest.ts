import type { Pcm } from '../../speech/pcm';
import type { AmbienceStream } from './ambience-stream';
import { loopWander, prerollFrames } from './ambience-stream';
import { BiquadBandPass, OnePoleHighPass, OnePoleLowPass } from '../../speech/filters';
import { whiteNoise } from './random';
import { slowCurve } from './slow-curve';
import type { Stereo } from './stereo';

const slowGustSeconds = 7;
const quickGustSeconds = 2.3;

/** Soft wind through leaves, gusting slowly; the birds are separate sounds the engine places over it. */
export function renderForest(stream: AmbienceStream): Pcm {
  const { sampleRate, frames, random } = stream;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  // Gusts wander at random (repeating only with the loop); each ear hears them a moment apart.
  const slowGusts = loopWander(stream, slowGustSeconds);
  const quickGusts = loopWander(stream, quickGustSeconds);
  const voices = [
    { target: left, phase: 0 },
    { target: right, phase: 0.9 },
  ].map(({ target, phase }) => ({
    target,
    gust: slowCurve(stream, (frame) => 0.75 + 0.17 * slowGusts(frame + phase * stream.sampleRate) + 0.08 * quickGusts(frame)),
    leaves: new BiquadBandPass(480, 0.6, sampleRate),
    softener: new OnePoleLowPass(1800, sampleRate),
    floor: new OnePoleHighPass(60, sampleRate),
  }));
  for (let frame = -prerollFrames(sampleRate); frame < frames; frame += 1) {
    for (const voice of voices) {
      const wind = voice.floor.next(voice.softener.next(voice.leaves.next(whiteNoise(random))));
      if (frame >= 0) voice.target[frame] = wind * voice.gust(frame);
    }
  }
  const channels: Stereo = [left, right];
  return { sampleRate, channels };
}
