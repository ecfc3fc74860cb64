import type { SampleFilter } from './filters';

/** Normalised second-order section (a0 = 1), designed from the RBJ Audio EQ Cookbook. */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

export function lowPassCoefficients(sampleRate: number, frequency: number, q = Math.SQRT1_2): BiquadCoefficients {
  const { cos, alpha } = prewarp(sampleRate, frequency, q);
  return normalise((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
}

export function highPassCoefficients(sampleRate: number, frequency: number, q = Math.SQRT1_2): BiquadCoefficients {
  const { cos, alpha } = prewarp(sampleRate, frequency, q);
  return normalise((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
}

/** Direct form I biquad with double-precision state. */
export class Biquad implements SampleFilter {
  private readonly coefficients: BiquadCoefficients;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(coefficients: BiquadCoefficients) {
    this.coefficients = coefficients;
  }

  next(input: number): number {
    const { b0, b1, b2, a1, a2 } = this.coefficients;
    const output = b0 * input + b1 * this.x1 + b2 * this.x2 - a1 * this.y1 - a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = input;
    this.y2 = this.y1;
    this.y1 = output;
    return output;
  }
}

function prewarp(sampleRate: number, frequency: number, q: number): { cos: number; alpha: number } {
  const omega = (2 * Math.PI * frequency) / sampleRate;
  return { cos: Math.cos(omega), alpha: Math.sin(omega) / (2 * q) };
}

function normalise(b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): BiquadCoefficients {
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}
