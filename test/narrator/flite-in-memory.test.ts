import { describe, expect, it } from 'vitest';
import { compileFlite, runFlite } from '../../src/compiler/render/flite-wasi';
import { runFliteInMemory } from '../../src/narrator/flite-in-memory';
import { fliteArguments } from '../../src/speech/flite-line';
import { decodeWav } from '../../src/speech/wav';

const flite = await compileFlite();

describe('Flite in memory, as the browser runs it', () => {
  it('writes the same WAV as the compiler’s runner under node:wasi', async () => {
    const args = fliteArguments('rms', 1.4, 'You are safe here, and you can rest.');
    const inMemory = await runFliteInMemory(flite, args);
    expect(inMemory).toEqual(new Uint8Array(await runFlite(flite, args)));
    expect(decodeWav(inMemory).sampleRate).toBe(16_000);
  });

  it('starts afresh for every phrase: the second run is the first one again', async () => {
    const args = fliteArguments('rms', 1, 'Rest.');
    expect(await runFliteInMemory(flite, args)).toEqual(await runFliteInMemory(flite, args));
  });
});
