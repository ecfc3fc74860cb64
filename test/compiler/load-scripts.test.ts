import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScripts } from '../../src/compiler/load-scripts';
import { scriptWithSteps } from '../helpers/scripts';

const root = mkdtempSync(join(tmpdir(), 'lull-load-'));
const scriptsDir = join(root, 'scripts');
mkdirSync(join(scriptsDir, 'takes', 'folder.wav'), { recursive: true });
// Only where a take is matters here, not what it holds.
const wav = 'RIFF';
writeFileSync(join(root, 'outside.wav'), wav);
writeFileSync(join(scriptsDir, 'takes', 'inside.wav'), wav);
symlinkSync(join(root, 'outside.wav'), join(scriptsDir, 'takes', 'link.wav'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function problemsWithTake(take: string): Promise<string[]> {
  const path = join(scriptsDir, 'sample.yaml');
  writeFileSync(path, scriptWithSteps(`  - say: Hi.\n    take: ${take}\n  - pause: { min: 1, max: 200 }`));
  const { problems } = await loadScripts([path], scriptsDir);
  return problems.map((problem) => `${problem.code} ${problem.line}:${problem.column}`);
}

describe('loading scripts with recorded takes', () => {
  it('accepts a take that is a file inside the scripts folder', async () => {
    expect(await problemsWithTake('takes/inside.wav')).toEqual([]);
  });

  it('refuses a take that is a link leading outside the scripts folder', async () => {
    expect(await problemsWithTake('takes/link.wav')).toEqual(['take-outside 8:5']);
  });

  it('counts a folder named like a take as a missing take', async () => {
    expect(await problemsWithTake('takes/folder.wav')).toEqual(['missing-take 8:5']);
  });
});
