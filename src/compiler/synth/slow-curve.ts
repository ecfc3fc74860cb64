import type { AmbienceStream } from './ambience-stream';
import { prerollFrames } from './ambience-stream';

/** About 1.3 ms at 48 kHz: far finer than any modulation that uses it, far cheaper than every frame. */
const framesPerPoint = 64;

/**
 * Evaluates a slowly varying `curve(frame)` once every 64 frames over the whole stream, preroll
 * included, and returns a linearly interpolated lookup: slow modulations without per-frame trigonometry.
 */
export function slowCurve(stream: AmbienceStream, curve: (frame: number) => number): (frame: number) => number {
  const firstFrame = -prerollFrames(stream.sampleRate);
  const points = new Float64Array(Math.ceil((stream.frames - firstFrame) / framesPerPoint) + 2);
  for (let point = 0; point < points.length; point += 1) {
    points[point] = curve(firstFrame + point * framesPerPoint);
  }
  return (frame) => {
    const position = (frame - firstFrame) / framesPerPoint;
    const point = Math.floor(position);
    const before = points[point] ?? 0;
    const after = points[point + 1] ?? 0;
    return before + (after - before) * (position - point);
  };
}
