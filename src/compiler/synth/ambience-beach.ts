import type { Pcm } from '../../speech/pcm';
import type { AmbienceStream } from './ambience-stream';
import { cyclesPerLoop, loopSine, loopWander, prerollFrames } from './ambience-stream';
import { BiquadBandPass, OnePoleHighPass, OnePoleLowPass } from '../../speech/filters';
import { panLeftGain, panRightGain } from './pan';
import { whiteNoise } from './random';
import { slowCurve } from './slow-curve';

const roarGain = 2.2;
const washGain = 0.25;
const swellSeconds = 9;
const driftSeconds = 4;
const panSwaySeconds = 30;
const panSwayDepth = 0.3;

/**
 * The sea far off: a low roar and a faint wash that rise and fall slowly, drifting gently across
 * the stereo field. The waves themselves are separate sounds the engine places over it.
 */
export function renderBeach(stream: AmbienceStream): Pcm {
  const { sampleRate, frames, random } = stream;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  // The sea's own rise and fall wanders at random, repeating only with the loop.
  const swells = [loopWander(stream, swellSeconds), loopWander(stream, swellSeconds)];
  const drifts = [loopWander(stream, driftSeconds), loopWander(stream, driftSeconds)];
  const swaysPerLoop = cyclesPerLoop(stream, panSwaySeconds);
  const pan = (frame: number): number => panSwayDepth * loopSine(stream, frame, swaysPerLoop);
  const breathing = (frame: number, ear: number): number => 0.8 + 0.08 * (swells[ear]?.(frame) ?? 0) + 0.05 * (drifts[ear]?.(frame) ?? 0);
  const voices = [
    { target: left, ear: 0, panGain: panLeftGain },
    { target: right, ear: 1, panGain: panRightGain },
  ].map(({ target, ear, panGain }) => ({
    target,
    roarLevel: slowCurve(stream, (frame) => roarGain * panGain(pan(frame)) * breathing(frame, ear)),
    washLevel: slowCurve(stream, (frame) => washGain * panGain(pan(frame)) * breathing(frame, 1 - ear)),
    roar: new OnePoleLowPass(280, sampleRate),
    roarFloor: new OnePoleHighPass(35, sampleRate),
    wash: new BiquadBandPass(1100, 0.7, sampleRate),
    washSoftener: new OnePoleLowPass(3500, sampleRate),
  }));
  for (let frame = -prerollFrames(sampleRate); frame < frames; frame += 1) {
    for (const voice of voices) {
      const roar = voice.roarFloor.next(voice.roar.next(whiteNoise(random)));
      const wash = voice.washSoftener.next(voice.wash.next(whiteNoise(random)));
      if (frame >= 0) voice.target[frame] = voice.roarLevel(frame) * roar + voice.washLevel(frame) * wash;
    }
  }
  return { sampleRate, channels: [left, right] };
}
