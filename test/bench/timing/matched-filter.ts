import { fftInPlace, nextPowerOfTwo } from './fft';

export interface OnsetMatch {
  /** Where the template starts in the signal, in frames, with sub-sample precision. */
  readonly frame: number;
  /** Normalized cross-correlation at the peak: 1 is a perfect (scaled) copy of the template. */
  readonly score: number;
  /** The peak sits on the edge of the search window: the true onset is probably outside it. */
  readonly atEdge: boolean;
}

/**
 * Finds where a known waveform starts in a signal: the peak of the normalized cross-correlation
 * (correlation computed by FFT, normalized by the signal's energy under the template, so a loud
 * neighbour does not win), refined by a parabola through the peak and its two neighbours.
 */
export class MatchedFilter {
  private readonly energy: number;
  private readonly spectra = new Map<number, { real: Float64Array; imaginary: Float64Array }>();

  constructor(private readonly template: Float32Array) {
    let energy = 0;
    for (const sample of template) energy += sample * sample;
    if (energy <= 0) throw new Error('A matched filter needs a template that is not silent.');
    this.energy = energy;
  }

  /** Searches lags `centre − radius … centre + radius` (frames) of `signal`. */
  find(signal: Float32Array, centre: number, radius: number): OnsetMatch | undefined {
    const first = Math.round(centre) - radius;
    const lags = 2 * radius + 1;
    const length = lags + this.template.length - 1;
    if (first < 0 || first + length > signal.length) return undefined;
    const size = nextPowerOfTwo(length);
    const real = new Float64Array(size);
    const imaginary = new Float64Array(size);
    for (let index = 0; index < length; index += 1) real[index] = signal[first + index] ?? 0;
    fftInPlace(real, imaginary);
    const spectrum = this.spectrum(size);
    for (let bin = 0; bin < size; bin += 1) {
      // X · conj(T): correlation, not convolution.
      const a = real[bin] ?? 0;
      const b = imaginary[bin] ?? 0;
      const c = spectrum.real[bin] ?? 0;
      const d = spectrum.imaginary[bin] ?? 0;
      real[bin] = a * c + b * d;
      imaginary[bin] = b * c - a * d;
    }
    fftInPlace(real, imaginary, true);
    const scores = this.normalize(signal, first, lags, real);
    let best = 0;
    for (let lag = 1; lag < lags; lag += 1) if ((scores[lag] ?? 0) > (scores[best] ?? 0)) best = lag;
    const peak = scores[best] ?? 0;
    const before = scores[best - 1];
    const after = scores[best + 1];
    let refinement = 0;
    if (before !== undefined && after !== undefined) {
      const curvature = before - 2 * peak + after;
      if (curvature < 0) refinement = (0.5 * (before - after)) / curvature;
    }
    return { frame: first + best + refinement, score: peak, atEdge: best === 0 || best === lags - 1 };
  }

  private normalize(signal: Float32Array, first: number, lags: number, correlation: Float64Array): Float64Array {
    const width = this.template.length;
    const scores = new Float64Array(lags);
    let window = 0;
    for (let index = 0; index < width; index += 1) window += (signal[first + index] ?? 0) ** 2;
    for (let lag = 0; lag < lags; lag += 1) {
      if (lag > 0) window += (signal[first + lag + width - 1] ?? 0) ** 2 - (signal[first + lag - 1] ?? 0) ** 2;
      const norm = Math.sqrt(Math.max(window, 0) * this.energy);
      scores[lag] = norm > 1e-12 ? (correlation[lag] ?? 0) / norm : 0;
    }
    return scores;
  }

  private spectrum(size: number): { real: Float64Array; imaginary: Float64Array } {
    let spectrum = this.spectra.get(size);
    if (!spectrum) {
      spectrum = { real: new Float64Array(size), imaginary: new Float64Array(size) };
      spectrum.real.set(this.template);
      fftInPlace(spectrum.real, spectrum.imaginary);
      this.spectra.set(size, spectrum);
    }
    return spectrum;
  }
}
