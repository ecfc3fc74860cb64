/** A stateful filter fed one sample at a time. */
export interface SampleFilter {
  next(input: number): number;
}

/** One-pole low-pass, 6 dB per octave. With a very low cutoff it is a leaky integrator. */
export class OnePoleLowPass implements SampleFilter {
  private readonly coefficient: number;
  private state = 0;

  constructor(cutoffHz: number, sampleRate: number) {
    this.coefficient = 1 - Math.exp((-2 * Math.PI * cutoffHz) / sampleRate);
  }

  next(input: number): number {
    this.state += this.coefficient * (input - this.state);
    return this.state;
  }
}

/** One-pole high-pass: the input minus its one-pole low-pass. */
export class OnePoleHighPass implements SampleFilter {
  private readonly lowPass: OnePoleLowPass;

  constructor(cutoffHz: number, sampleRate: number) {
    this.lowPass = new OnePoleLowPass(cutoffHz, sampleRate);
  }

  next(input: number): number {
    return input - this.lowPass.next(input);
  }
}

/** Band-pass biquad (RBJ cookbook) with 0 dB gain at the centre frequency. */
export class BiquadBandPass implements SampleFilter {
  private readonly b0: number;
  private readonly a1: number;
  private readonly a2: number;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(centerHz: number, q: number, sampleRate: number) {
    const omega = (2 * Math.PI * centerHz) / sampleRate;
    const alpha = Math.sin(omega) / (2 * q);
    const a0 = 1 + alpha;
    this.b0 = alpha / a0;
    this.a1 = (-2 * Math.cos(omega)) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  next(input: number): number {
    // b1 is 0 and b2 is −b0 for this band-pass.
    const output = this.b0 * (input - this.x2) - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = input;
    this.y2 = this.y1;
    this.y1 = output;
    return output;
  }
}

/** Runs `signal` through `filter`, overwriting it. */
export function filterInPlace(signal: Float32Array, filter: SampleFilter): Float32Array {
  for (let index = 0; index < signal.length; index += 1) {
    signal[index] = filter.next(signal[index] ?? 0);
  }
  return signal;
}
