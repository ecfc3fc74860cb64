import { describe, expect, it } from 'vitest';
import { pcmFrames, type Pcm } from '../../src/speech/pcm';
import { packSprite } from '../../src/compiler/sprite';

const tone = (frames: number, value: number): Pcm => ({ sampleRate: 1000, channels: [new Float32Array(frames).fill(value)] });

describe('packSprite', () => {
  it('lays clips end to end with silence before, between and after them', () => {
    const { pcm, clips } = packSprite([tone(100, 0.5), tone(50, -0.25)], 0.02);
    expect(clips).toEqual([
      { start: 0.02, duration: 0.1 },
      { start: 0.14, duration: 0.05 },
    ]);
    expect(pcmFrames(pcm)).toBe(20 + 100 + 20 + 50 + 20);
    const samples = pcm.channels[0] ?? new Float32Array();
    expect(samples[19]).toBe(0);
    expect(samples[20]).toBe(0.5);
    expect(samples[119]).toBe(0.5);
    expect(samples[120]).toBe(0);
    expect(samples[140]).toBe(-0.25);
    expect(samples[190]).toBe(0);
  });

  it('refuses clips of different formats', () => {
    const stereo: Pcm = { sampleRate: 1000, channels: [new Float32Array(4), new Float32Array(4)] };
    expect(() => packSprite([tone(4, 0), stereo], 0.01)).toThrow(/one format/u);
  });
});
