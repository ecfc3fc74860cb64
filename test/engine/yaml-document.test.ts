import { describe, expect, it } from 'vitest';
import { checkScript } from '../../src/engine/check-script';
import { parseScript } from '../../src/engine/parse-script';
import { formatProblem } from '../../src/engine/script-problem';
import { scriptWithSteps } from '../helpers/scripts';

const located = (source: string): string[] => parseScript('s.yaml', source).problems.map((problem) => `${problem.code} ${formatProblem(problem)}`);

/** Parses within a time limit and returns its problems; deep inputs must be refused quickly. */
function problemsWithin(milliseconds: number, source: string): ReturnType<typeof parseScript>['problems'] {
  const started = performance.now();
  const { problems } = parseScript('deep.yaml', source);
  expect(performance.now() - started).toBeLessThan(milliseconds);
  return problems;
}

/** A message a person reads never shows a JavaScript error's text. */
const engineWords = /Maximum call stack|RangeError|TypeError|Error:|undefined|parseAllDocuments|YAML\.|\bat line\b/u;

describe('reading a script as plain data', () => {
  it('refuses a NUL byte in a spoken line at its place', () => {
    expect(located(scriptWithSteps('  - say: Breathe\0 in.'))).toEqual(['control-character s.yaml:8:17: a control character (U+0000) is not allowed in a script; remove it']);
  });

  it('refuses control characters anywhere in the file, once per line, but allows tabs and Windows line ends', () => {
    const source = scriptWithSteps('  - say: "Rest\u0007."\n  - say: Soft\u001b[31m red.\n  - say: "A\ttab."').replace('title: Sample', 'title: Sam\u0085ple\u0001');
    expect(located(source)).toEqual([
      'control-character s.yaml:3:11: a control character (U+0085) is not allowed in a script; remove it',
      'control-character s.yaml:8:15: a control character (U+0007) is not allowed in a script; remove it',
      'control-character s.yaml:9:14: a control character (U+001B) is not allowed in a script; remove it',
    ]);
    expect(located(scriptWithSteps('  - say: Fine.\n  - pause: { min: 1, max: 200 }').replaceAll('\n', '\r\n'))).toEqual([]);
  });

  it('refuses a control character written as an escape in quoted text', () => {
    expect(located(scriptWithSteps('  - say: "Breathe\\0 in."\n  - say: "Out\\x07."\n  - say: "Tab\\tis fine."'))).toEqual([
      'control-character s.yaml:8:10: a control character (U+0000) is not allowed in a script; remove it',
      'control-character s.yaml:9:10: a control character (U+0007) is not allowed in a script; remove it',
    ]);
  });

  it('refuses a second document in the same file, at its start', () => {
    expect(located(`${scriptWithSteps('  - say: One.')}---\nlull: 1\n`)).toEqual([
      'yaml-documents s.yaml:9:1: a script is one YAML document; remove this "---" and what follows it, or move it into a file of its own',
    ]);
  });

  it('allows a single document that begins with ---', () => {
    expect(located(`---\n${scriptWithSteps('  - say: One.\n  - pause: { min: 1, max: 200 }')}`)).toEqual([]);
  });

  it('refuses anchors, aliases and merge keys, each at its place', () => {
    expect(located(scriptWithSteps('  - say: &greeting Hello.'))).toEqual([
      'yaml-anchor s.yaml:8:10: anchors (&name) are not used in a script; remove it',
    ]);
    expect(located(scriptWithSteps('  - say: Hello.\n  - say: *greeting'))).toEqual([
      'yaml-alias s.yaml:9:10: aliases (*name) are not used in a script; write the value out in full',
    ]);
    expect(located(scriptWithSteps('  - pause: 2\n    <<: { when: { place: beach } }'))).toEqual([
      'yaml-merge-key s.yaml:9:5: merge keys (<<) are not used in a script; write the keys out in full',
    ]);
  });

  it('refuses the aliases of a billion-laughs text without expanding them', () => {
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level += 1) laughs.push(`${'abcdefghi'[level]}: &${'abcdefghi'[level]} [${Array(9).fill(`*${'abcdefghi'[level - 1]}`).join(', ')}]`);
    const problems = problemsWithin(250, `${laughs.join('\n')}\n`);
    expect(new Set(problems.map((problem) => problem.code))).toEqual(new Set(['yaml-anchor', 'yaml-alias']));
    expect(problems.every((problem) => problem.line >= 1 && problem.column >= 1)).toBe(true);
  });

  it('refuses tags and directives, each at its place', () => {
    expect(located(scriptWithSteps('  - say: !!binary SGVsbG8='))).toEqual([
      'yaml-tag s.yaml:8:10: tags (!name) are not used in a script; remove it',
    ]);
    expect(located(`%YAML 1.1\n---\n${scriptWithSteps('  - say: Hello.')}`)).toEqual([
      'yaml-directive s.yaml:1:1: directives (%YAML, %TAG) are not used in a script; remove it',
    ]);
  });

  it('still allows "<<" as quoted text, a quoted key and words with & and *', () => {
    const source = scriptWithSteps('  - say: Use << for more, & and *stars* too.\n  - say: \'"<<" is fine\'\n  - pause: { min: 1, max: 200 }');
    expect(located(source)).toEqual([]);
    expect(located(scriptWithSteps('  - say: Hi.\n    "<<": 1'))).toEqual(['unknown-key s.yaml:9:5: "<<" is not a key of a say step; use one of: say, take, when']);
  });
});

describe('reading deeply nested input', () => {
  const flowLists = scriptWithSteps(`  - say: ${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  const flowMaps = scriptWithSteps(`  - say: ${'{a: '.repeat(10_000)}b${'}'.repeat(10_000)}`);
  const unclosedFlow = scriptWithSteps(`  - say: ${'['.repeat(10_000)}`);
  const blockLists = scriptWithSteps(`  - ${'- '.repeat(10_000)}say: Hi.`);
  // Block maps indent one more space per level, so the 256 KB limit allows about 700 of them.
  const blockMaps = scriptWithSteps(`  - say:\n${Array.from({ length: 700 }, (_, level) => `${' '.repeat(level + 6)}k:`).join('\n')} deep`);

  it.each([
    ['10,000 flow lists', flowLists, 8, 39],
    ['10,000 flow maps', flowMaps, 8, 126],
    ['10,000 unclosed flow lists', unclosedFlow, 8, 39],
    ['10,000 block lists', blockLists, 8, 65],
    ['700 block maps', blockMaps, 38, 36],
  ])('refuses %s quickly with one located problem of its own', (_name, source, line, column) => {
    const problems = problemsWithin(250, source);
    expect(problems.map(formatProblem)).toEqual([`deep.yaml:${line}:${column}: this is nested more than 32 levels deep; a script needs far fewer`]);
    expect(problems[0]?.code).toBe('yaml-depth');
  });

  it('never shows the text of a JavaScript error for deep input, through the whole check', () => {
    for (const source of [flowLists, flowMaps, unclosedFlow, blockLists, blockMaps]) {
      const checked = checkScript('deep.yaml', source);
      expect(checked.ok).toBe(false);
      if (checked.ok) continue;
      for (const problem of checked.problems) expect(problem.message).not.toMatch(engineWords);
    }
  });

  it('still reads a script nested as deeply as its choices allow', () => {
    let steps = '  - say: Deep.\n    when: { c3: b }';
    for (let level = 3; level >= 0; level -= 1) {
      const body = steps.replaceAll('\n', `\n${' '.repeat(8)}`);
      steps = `  - choice: Which?\n    name: c${level}\n    options:\n      a:\n        label: A\n        steps:\n          - say: A.\n      b:\n        label: B\n        steps:\n        ${body}`;
    }
    const checked = checkScript('nested.yaml', scriptWithSteps(`${steps}\n  - pause: { min: 1, max: 200 }`));
    expect(checked.ok ? [] : checked.problems.map(formatProblem)).toEqual([]);
  });
});
