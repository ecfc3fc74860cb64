/** Raises the first `frames` samples from exactly 0 to full level along a raised-cosine curve. */
export function fadeInPlace(signal: Float32Array, frames: number): void {
  const length = Math.min(frames, signal.length);
  for (let index = 0; index < length; index += 1) {
    signal[index] = (signal[index] ?? 0) * 0.5 * (1 - Math.cos((Math.PI * index) / length));
  }
}

/** Lowers the last `frames` samples along a raised-cosine curve so the final sample is exactly 0. */
export function fadeOutInPlace(signal: Float32Array, frames: number): void {
  const length = Math.min(frames, signal.length);
  const start = signal.length - length;
  for (let step = 0; step < length; step += 1) {
    const gain = 0.5 * (1 + Math.cos((Math.PI * (step + 1)) / length));
    signal[start + step] = (signal[start + step] ?? 0) * gain;
  }
}
