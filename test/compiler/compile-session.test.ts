import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileSession } from '../../src/compiler/compile-session';
import { createSpeaker } from '../../src/compiler/render/speech';
import { encodeWav } from '../../src/speech/wav';
import { createLineRenderer } from '../../src/compiler/voice-lines';
import { checkScript } from '../../src/engine/check-script';
import { narratorIds } from '../../src/engine/narrators';
import { ScriptError } from '../../src/engine/script-problem';
import { scriptWithSteps } from '../helpers/scripts';

const root = mkdtempSync(join(tmpdir(), 'lull-compile-'));
const scriptsDir = join(root, 'scripts');
const packDir = join(root, 'packs', 'sample');
mkdirSync(join(scriptsDir, 'takes'), { recursive: true });
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let speakerStarts = 0;
const lines = createLineRenderer(
  (voice) => {
    speakerStarts += 1;
    return createSpeaker(voice);
  },
  scriptsDir,
  join(root, 'cache'),
);

async function compile(steps: string) {
  const source = scriptWithSteps(steps);
  const checked = checkScript('sample.yaml', source);
  if (!checked.ok) throw new Error('fixture is invalid');
  return compileSession(checked.script, source, packDir, scriptsDir, lines);
}

describe('compileSession', () => {
  const steps = '  - say: Rest here a moment.\n  - pause: { min: 1, max: 200 }\n  - say: Now breathe out slowly.';

  it('renders every line once per narrator and writes both codecs of each and a manifest', async () => {
    const result = await compile(steps);
    expect(result.renderedLines).toBe(2 * narratorIds.length);
    expect(Object.values(result.manifest.lines).map((line) => line.text)).toEqual(['Rest here a moment.', 'Now breathe out slowly.']);
    const others = Object.values(result.manifest.narrators ?? {}).flatMap((other) => [other.narration.mp3.path, other.narration.webm.path]);
    expect(readdirSync(packDir).sort()).toEqual(['manifest.json', result.manifest.narration.mp3.path, result.manifest.narration.webm.path, ...others].sort());
    for (const other of Object.values(result.manifest.narrators ?? {})) expect(Object.keys(other.lines)).toEqual(Object.keys(result.manifest.lines));
    expect(result.manifest.spokenSeconds).toBeGreaterThan(2);
  });

  it('leaves a current pack alone', async () => {
    const result = await compile(steps);
    expect(result.renderedLines).toBeUndefined();
  });

  it('renders only the line that changed', async () => {
    const result = await compile(steps.replace('Now breathe out slowly.', 'Now let the breath go.'));
    expect(result.renderedLines).toBe(narratorIds.length);
    expect(existsSync(join(packDir, result.manifest.narration.webm.path))).toBe(true);
    expect(speakerStarts).toBe(narratorIds.length);
  });

  it('uses a recorded take in place of the synthetic voice', async () => {
    const take = new Float32Array(16_000).map((_, frame) => 0.3 * Math.sin((2 * Math.PI * 220 * frame) / 16_000));
    writeFileSync(join(scriptsDir, 'takes', 'rest.wav'), encodeWav({ sampleRate: 16_000, channels: [take] }));
    const result = await compile('  - say: Rest here a moment.\n    take: takes/rest.wav\n  - pause: { min: 1, max: 200 }');
    const [line] = Object.values(result.manifest.lines);
    expect(line?.take).toBe('takes/rest.wav');
    expect(line?.duration).toBeGreaterThan(0.9);
    expect(line?.duration).toBeLessThan(1.01);
  });

  it('refuses a script whose rendered voice no longer fits its length range', async () => {
    // A voice far slower than the estimate: 40 s for one short line.
    const slowVoice = { recipe: 'slow', render: ({ text }: { text: string }) => Promise.resolve({ key: text, text, pcm: { sampleRate: 16_000, channels: [new Float32Array(40 * 16_000)] }, rendered: true }) };
    const source = scriptWithSteps('  - say: Rest.\n  - pause: { min: 1, max: 200 }');
    const checked = checkScript('sample.yaml', source);
    if (!checked.ok) throw new Error('fixture is invalid');
    const compiling = compileSession(checked.script, source, join(root, 'packs', 'slow'), scriptsDir, slowVoice);
    await expect(compiling).rejects.toBeInstanceOf(ScriptError);
    await expect(compiling).rejects.toThrow(/sample\.yaml:6:9: the length range cannot be filled: the shortest it can play is 0\.7 min, above min 0\.5/u);
    expect(existsSync(join(root, 'packs', 'slow'))).toBe(false);
  });
});
