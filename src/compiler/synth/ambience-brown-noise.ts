import type { Pcm } from '../../speech/pcm';
import type { AmbienceStream } from './ambience-stream';
import { prerollFrames } from './ambience-stream';
import { OnePoleHighPass, OnePoleLowPass } from '../../speech/filters';
import { whiteNoise } from './random';

/** Each ear hears mostly the same noise, plus enough of its own to sound wide rather than centred. */
const sharedNoise = 0.8;

/** Brown noise: leaky-integrated white noise, low-passed again for warmth, without sub-bass drift. */
export function renderBrownNoise(stream: AmbienceStream): Pcm {
  const { sampleRate, frames, random } = stream;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const ownNoise = Math.sqrt(1 - sharedNoise * sharedNoise);
  const voices = [left, right].map((target) => ({
    target,
    // A one-pole low-pass this low is a leaky integrator: a 1/f² (brown) spectrum above 50 Hz.
    // Below that it stays flat and then falls away: sub-bass that small speakers cannot play
    // would only spend headroom and make the level churn.
    integrator: new OnePoleLowPass(50, sampleRate),
    warmth: new OnePoleLowPass(800, sampleRate),
    floor: new OnePoleHighPass(40, sampleRate),
  }));
  for (let frame = -prerollFrames(sampleRate); frame < frames; frame += 1) {
    const shared = whiteNoise(random);
    for (const voice of voices) {
      const white = sharedNoise * shared + ownNoise * whiteNoise(random);
      const brown = voice.floor.next(voice.warmth.next(voice.integrator.next(white)));
      if (frame >= 0) voice.target[frame] = brown;
    }
  }
  return { sampleRate, channels: [left, right] };
}
