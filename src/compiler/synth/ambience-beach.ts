import type { Pcm } from '../pcm';
import type { AmbienceStream } from './ambience-stream';
import { cyclesPerLoop, loopSine, prerollFrames } from './ambience-stream';
import { BiquadBandPass, OnePoleHighPass, OnePoleLowPass } from './filters';
import { panLeftGain, panRightGain } from './pan';
import { whiteNoise } from './random';
import { slowCurve } from './slow-curve';

const waveSeconds = 9;
const roarGain = 2.2;
const washGain = 0.7;
/** The right ear hears each wave this fraction of a wave later than the left. */
const rightWaveLag = 0.05;
const panSwaySeconds = 30;
const panSwayDepth = 0.3;

/** Surf: a low roar and a bright wash that swell with each wave, drifting gently across the stereo field. */
export function renderBeach(stream: AmbienceStream): Pcm {
  const { sampleRate, loopFrames, frames, random } = stream;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const waves = cyclesPerLoop(stream, waveSeconds);
  const swaysPerLoop = cyclesPerLoop(stream, panSwaySeconds);
  const pan = (frame: number): number => panSwayDepth * loopSine(stream, frame, swaysPerLoop);
  const voices = [
    { target: left, lag: 0, panGain: panLeftGain },
    { target: right, lag: rightWaveLag, panGain: panRightGain },
  ].map(({ target, lag, panGain }) => {
    const swell = (frame: number): number => waveSwell((waves * frame) / loopFrames - lag);
    return {
      target,
      roarLevel: slowCurve(stream, (frame) => roarGain * panGain(pan(frame)) * (0.45 + 0.55 * swell(frame))),
      washLevel: slowCurve(stream, (frame) => washGain * panGain(pan(frame)) * swell(frame) ** 2),
      roar: new OnePoleLowPass(280, sampleRate),
      roarFloor: new OnePoleHighPass(35, sampleRate),
      wash: new BiquadBandPass(1100, 0.7, sampleRate),
      washSoftener: new OnePoleLowPass(3500, sampleRate),
    };
  });
  for (let frame = -prerollFrames(sampleRate); frame < frames; frame += 1) {
    for (const voice of voices) {
      const roar = voice.roarFloor.next(voice.roar.next(whiteNoise(random)));
      const wash = voice.washSoftener.next(voice.wash.next(whiteNoise(random)));
      if (frame >= 0) voice.target[frame] = voice.roarLevel(frame) * roar + voice.washLevel(frame) * wash;
    }
  }
  return { sampleRate, channels: [left, right] };
}

/** One wave per unit of phase, 0.15…1: a build over 30 % of the wave, then a longer wash out. */
function waveSwell(phase: number): number {
  // Warping the phase by a cosine keeps the shape smooth and periodic but makes it lopsided.
  const warped = phase - 0.12 * Math.cos(2 * Math.PI * phase);
  const rise = 0.5 - 0.5 * Math.cos(2 * Math.PI * warped);
  return 0.15 + 0.85 * rise * Math.sqrt(rise);
}
