import { describe, expect, it } from 'vitest';
import type { AmbienceStream } from '../../../src/compiler/synth/ambience-stream';
import { prerollFrames } from '../../../src/compiler/synth/ambience-stream';
import { createRandom } from '../../../src/engine/seeded-random';
import { slowCurve } from '../../../src/compiler/synth/slow-curve';

const stream: AmbienceStream = { sampleRate: 48_000, loopFrames: 480_000, frames: 528_000, random: createRandom(1) };

describe('slowCurve', () => {
  it('follows a slow modulation closely at every frame, preroll included', () => {
    const modulation = (frame: number): number => Math.sin((2 * Math.PI * frame) / 100_000);
    const lookup = slowCurve(stream, modulation);
    let worst = 0;
    for (let frame = -prerollFrames(stream.sampleRate); frame < stream.frames; frame += 7) {
      worst = Math.max(worst, Math.abs(lookup(frame) - modulation(frame)));
    }
    expect(worst).toBeLessThan(1e-5);
  });
});
