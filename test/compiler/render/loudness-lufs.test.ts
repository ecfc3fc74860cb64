import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../../src/compiler/render/loudness-lufs';

const sampleRate = 48_000;
const sine = (seconds: number, amplitude: number, hz = 1000): Float32Array =>
  Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, index) => amplitude * Math.sin((2 * Math.PI * hz * index) / sampleRate));
const joined = (...parts: Float32Array[]): Float32Array => {
  const all = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
};

describe('integratedLoudness', () => {
  it('reads a 1 kHz tone at −20 dBFS in both channels as −20 LUFS, as BS.1770 calibrates it', () => {
    const tone = sine(5, 0.1 * Math.SQRT2);
    expect(integratedLoudness({ sampleRate, channels: [tone, tone] })).toBeCloseTo(-20 + 10 * Math.log10(2), 1);
  });

  it('reads one channel alone 3 LU under the same sound in two', () => {
    const tone = sine(5, 0.1);
    const mono = integratedLoudness({ sampleRate, channels: [tone] });
    const stereo = integratedLoudness({ sampleRate, channels: [tone, tone] });
    expect(stereo - mono).toBeCloseTo(10 * Math.log10(2), 2);
  });

  it('leaves silence and far quieter passages out of the measure (its gates)', () => {
    const tone = sine(5, 0.1);
    const alone = integratedLoudness({ sampleRate, channels: [tone] });
    const withSilence = integratedLoudness({ sampleRate, channels: [joined(new Float32Array(5 * sampleRate), tone, new Float32Array(5 * sampleRate))] });
    const withWhisper = integratedLoudness({ sampleRate, channels: [joined(tone, sine(5, 0.001))] });
    // Only the blocks that straddle an edge count a little silence in: a few tenths of a decibel.
    expect(Math.abs(withSilence - alone)).toBeLessThan(0.5);
    expect(Math.abs(withWhisper - alone)).toBeLessThan(0.5);
  });

  it('weights the low end down: a 30 Hz tone measures quieter than a 1 kHz one of the same level', () => {
    const low = integratedLoudness({ sampleRate, channels: [sine(5, 0.1, 30)] });
    const mid = integratedLoudness({ sampleRate, channels: [sine(5, 0.1)] });
    expect(mid - low).toBeGreaterThan(2);
  });

  it('calls silence −Infinity', () => {
    expect(integratedLoudness({ sampleRate, channels: [new Float32Array(sampleRate)] })).toBe(-Infinity);
  });
});
