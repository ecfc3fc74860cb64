import { describe, expect, it, vi } from 'vitest';
import type * as Yaml from 'yaml';
import { checkScript } from '../../src/engine/check-script';
import { parseScript } from '../../src/engine/parse-script';
import { formatProblem } from '../../src/engine/script-problem';
import { scriptWithSteps } from '../helpers/scripts';

// A fault inside the reader: the YAML library's node test fails with a JavaScript error of its own.
vi.mock('yaml', async (importOriginal) => ({
  ...(await importOriginal<typeof Yaml>()),
  isMap: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'items')");
  },
}));

describe('a fault inside the script reader', () => {
  it('becomes one plain, coded problem instead of an exception', () => {
    const parsed = parseScript('s.yaml', scriptWithSteps('  - say: Hello.'));
    expect(parsed.script).toBeUndefined();
    expect(parsed.problems.map((problem) => `${problem.code} ${formatProblem(problem)}`)).toEqual([
      'checker-fault s.yaml:1:1: checking stopped on something it did not expect; this is a fault in the checker, not in the script',
    ]);
  });

  it('never shows the JavaScript error\'s text through the whole check', () => {
    const checked = checkScript('s.yaml', scriptWithSteps('  - say: Hello.'));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((problem) => problem.code)).toEqual(['checker-fault']);
    expect(checked.problems[0]?.message).not.toMatch(/Cannot read|items|TypeError/u);
  });
});
