import type { Pcm } from '../../speech/pcm';
import type { AmbienceStream } from './ambience-stream';
import { loopWander, prerollFrames } from './ambience-stream';
import { BiquadBandPass, OnePoleLowPass } from '../../speech/filters';
import { whiteNoise } from './random';
import { slowCurve } from './slow-curve';
import type { Stereo } from './stereo';

const slowFlickerSeconds = 2.5;
const quickFlickerSeconds = 0.7;
/** Hiss level against the rumble's: about 20 dB below it. */
const hissGain = 0.03;
/** The fire sits in front of the listener: each ear hears mostly the same rumble. */
const sharedRumble = 0.85;

/** A cozy room with a quiet fireplace: a low, warm, flickering rumble and faint hiss; the crackles are separate sounds. */
export function renderRoom(stream: AmbienceStream): Pcm {
  const { sampleRate, frames, random } = stream;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  // Flames flicker at random, not on a beat: the curves repeat only with the loop.
  const slowFlickers = loopWander(stream, slowFlickerSeconds);
  const quickFlickers = loopWander(stream, quickFlickerSeconds);
  const ownRumble = Math.sqrt(1 - sharedRumble * sharedRumble);
  const rumble = flameRumble(sampleRate);
  const voices = [left, right].map((target) => ({
    target,
    rumble: flameRumble(sampleRate),
    hiss: new BiquadBandPass(3000, 0.8, sampleRate),
  }));
  const flicker = slowCurve(stream, (frame) => 0.75 + 0.15 * slowFlickers(frame) + 0.1 * quickFlickers(frame));
  for (let frame = -prerollFrames(sampleRate); frame < frames; frame += 1) {
    const shared = rumble(whiteNoise(random));
    for (const voice of voices) {
      const body = sharedRumble * shared + ownRumble * voice.rumble(whiteNoise(random));
      const hiss = voice.hiss.next(whiteNoise(random));
      if (frame >= 0) voice.target[frame] = flicker(frame) * (body + hissGain * hiss);
    }
  }
  const channels: Stereo = [left, right];
  return { sampleRate, channels };
}

/** Noise centred low (about 180 Hz) and darkened above: warm, yet above what small speakers drop. */
function flameRumble(sampleRate: number): (white: number) => number {
  const body = new BiquadBandPass(180, 0.5, sampleRate);
  const warmth = new OnePoleLowPass(600, sampleRate);
  return (white) => warmth.next(body.next(white));
}
