import type { Pcm } from './pcm';
import { applyGainCurve, linkedMagnitude } from './gain-curve';

/**
 * Look-ahead brickwall limiter: no sample leaves above `ceiling`. The gain curve is a running
 * minimum of the gain each sample needs, then a moving average over the same window. Every
 * minimum inside a sample's averaging window already includes that sample, so the average never
 * exceeds what the sample needs, and the curve has no steps.
 */
export function limitPeaks(pcm: Pcm, ceiling: number, windowSeconds = 0.005): Pcm {
  const frames = linkedMagnitude(pcm);
  const window = Math.max(1, Math.round(windowSeconds * pcm.sampleRate));
  const needed = new Float32Array(frames.length + window - 1).fill(1);
  frames.forEach((value, i) => {
    if (value > ceiling) needed[i] = ceiling / value;
  });
  const minima = runningMinimum(needed, window);
  const gains = new Float32Array(frames.length);
  let sum = 0;
  for (let k = 0; k < window; k++) sum += minima[k] ?? 1;
  for (let i = 0; i < gains.length; i++) {
    gains[i] = Math.min(sum / window, needed[i] ?? 1); // the min only absorbs rounding
    sum += (minima[i + window] ?? 1) - (minima[i] ?? 1);
  }
  return applyGainCurve(pcm, gains);
}

/** minimum of values[i - window + 1 .. i], in linear time with a monotonic queue. */
function runningMinimum(values: Float32Array, window: number): Float32Array {
  const out = new Float32Array(values.length);
  const queue = new Int32Array(values.length);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? 1;
    while (tail > head && (values[queue[tail - 1] ?? 0] ?? 1) >= value) tail--;
    queue[tail++] = i;
    if ((queue[head] ?? 0) <= i - window) head++;
    out[i] = values[queue[head] ?? 0] ?? 1;
  }
  return out;
}
