export const gainToDecibels = (gain: number): number => 20 * Math.log10(gain);
export const decibelsToGain = (decibels: number): number => 10 ** (decibels / 20);

/** The largest absolute sample value over all channels. */
export function peakOf(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) {
    for (let index = 0; index < channel.length; index += 1) peak = Math.max(peak, Math.abs(channel[index] ?? 0));
  }
  return peak;
}

/** Root-mean-square level over all samples of all channels. */
export function rmsOf(channels: readonly Float32Array[]): number {
  let sum = 0;
  let count = 0;
  for (const channel of channels) {
    for (let index = 0; index < channel.length; index += 1) sum += (channel[index] ?? 0) ** 2;
    count += channel.length;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}

export function scaleInPlace(channels: readonly Float32Array[], gain: number): void {
  for (const channel of channels) {
    for (let index = 0; index < channel.length; index += 1) channel[index] = (channel[index] ?? 0) * gain;
  }
}

/** Scales so the loudest sample is exactly `peak`; silence stays silent. */
export function normalizePeakInPlace(channels: readonly Float32Array[], peak: number): void {
  const current = peakOf(channels);
  if (current > 0) scaleInPlace(channels, peak / current);
}

/** Scales so the RMS level over all channels is `rms`; silence stays silent. */
export function normalizeRmsInPlace(channels: readonly Float32Array[], rms: number): void {
  const current = rmsOf(channels);
  if (current > 0) scaleInPlace(channels, rms / current);
}

/**
 * Leaves samples below `knee` alone and bends louder ones smoothly (tanh) towards `ceiling`, never
 * past it. Memoryless, so it cannot add a discontinuity anywhere.
 */
export function softLimitInPlace(channels: readonly Float32Array[], knee: number, ceiling: number): void {
  const room = ceiling - knee;
  for (const channel of channels) {
    for (let index = 0; index < channel.length; index += 1) {
      const sample = channel[index] ?? 0;
      const magnitude = Math.abs(sample);
      if (magnitude > knee) channel[index] = Math.sign(sample) * (knee + room * Math.tanh((magnitude - knee) / room));
    }
  }
}
