import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scriptTexts } from '../../../src/compiler/content/script-texts';
import { listScriptFiles } from '../../../src/compiler/load-scripts';
import { scriptsDir } from '../../../src/compiler/project-paths';
import { loadValidScript } from '../../helpers/scripts';
import { runFingerprints, sharedRunLimit, sharedRuns } from '../../helpers/word-runs';

/** Written by test/tools/write-seed-runs.ts from the article the practices come from. */
const seedRuns = new Set(readFileSync('test/fixtures/seed-runs.txt', 'utf8').split('\n').filter((line) => line.length > 0));
const shipped = (await listScriptFiles(scriptsDir)).map((path) => [path.slice(scriptsDir.length + 1), path]);

describe('the sessions’ own words', () => {
  it.each(shipped)(
    `%s shares no run of ${String(sharedRunLimit)} words with the article the practices come from`,
    (_name, path) => {
      const texts = scriptTexts(loadValidScript(path)).map(({ text }) => text);
      expect(texts.flatMap((text) => sharedRuns(text, seedRuns))).toEqual([]);
    },
  );

  it('would find a shared run: across punctuation, curly apostrophes and capitals, and not one word shorter', () => {
    const known = new Set(runFingerprints('it’s one two three four five six'));
    expect(sharedRuns('Well, It’s one, two; three four five six!', known)).toEqual(["it's one two three four five six"]);
    expect(sharedRuns('one two three four five six', known)).toEqual([]);
  });

  it('keeps one fingerprint for every run of the article', () => {
    expect(seedRuns.size).toBeGreaterThan(2000);
    for (const print of seedRuns) expect(print).toMatch(/^[0-9a-f]{12}$/u);
  });
});
