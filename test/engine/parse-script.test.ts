import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScript } from '../../src/engine/check-script';
import { parseScript } from '../../src/engine/parse-script';
import { planSession } from '../../src/engine/plan-session';
import { formatProblem } from '../../src/engine/script-problem';
import { scriptWithSteps } from '../helpers/scripts';

function fail(): never {
  throw new Error('The script did not parse.');
}

const fixture = (name: string): string => readFileSync(`test/fixtures/scripts/${name}`, 'utf8');

describe('parseScript', () => {
  it('reads every kind of step into the model', () => {
    const parsed = parseScript('every-step.yaml', fixture('every-step.yaml'));
    expect(parsed.problems).toEqual([]);
    const kinds = parsed.script?.steps.map((step) => step.kind);
    expect(kinds).toEqual(['ambience', 'say', 'pause', 'pause', 'breathe', 'breathe', 'bell', 'taps', 'taps', 'choice', 'say', 'prompt', 'prompt', 'recording', 'ambience']);
  });

  it('turns elastic minutes into seconds and keeps the weight', () => {
    const parsed = parseScript('x.yaml', scriptWithSteps('  - breathe: box\n    minutes: { min: 1, max: 3, weight: 2 }'));
    const step = parsed.script?.steps[0];
    expect(step?.kind === 'breathe' && step.length).toEqual({ kind: 'span', span: { kind: 'elastic', min: 60, max: 180, weight: 2 } });
  });

  it('sends a prompt\'s answer to its own journal entry, to the session\'s letter, or nowhere', () => {
    const parsed = parseScript(
      'x.yaml',
      scriptWithSteps(['journal: true', 'journal: letter', 'journal: false', 'seconds: 4'].map((key) => `  - prompt: Write.\n    seconds: 4\n    ${key === 'seconds: 4' ? '' : key}`).join('\n')),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.script?.steps.map((step) => step.kind === 'prompt' && step.writing)).toEqual(['journal', 'letter', null, null]);
  });

  it('says where a prompt names no place to write that it knows', () => {
    const parsed = parseScript('x.yaml', scriptWithSteps('  - prompt: Write.\n    seconds: 4\n    journal: diary'));
    expect(parsed.problems.map(formatProblem)).toEqual(['x.yaml:10:14: journal must be true, false or letter']);
  });

  it('lets a timed prompt wait for the person’s writing by default, and keep its time when the script says so', () => {
    const parsed = parseScript('x.yaml', scriptWithSteps('  - prompt: Write.\n    seconds: 4\n    journal: true\n  - prompt: One word.\n    seconds: 4\n    journal: true\n    wait-for-writing: false'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.script?.steps.map((step) => step.kind === 'prompt' && step.waitsForWriting)).toEqual([undefined, false]);
    const plan = planSession(parsed.script ?? fail(), { minutes: 1, speechSeconds: () => 1, keyOf: (text) => text });
    expect(plan.events.flatMap((event) => (event.kind === 'prompt' ? [event.waitsForWriting] : []))).toEqual([undefined, false]);
  });

  it('says where wait-for-writing is not true or false', () => {
    const parsed = parseScript('x.yaml', scriptWithSteps('  - prompt: Write.\n    seconds: 4\n    wait-for-writing: sometimes'));
    expect(parsed.problems.map(formatProblem)).toEqual([expect.stringMatching(/^x\.yaml:10:\d+: wait-for-writing /u)]);
  });

  it('records where each step was written', () => {
    const parsed = parseScript('x.yaml', scriptWithSteps('  - say: One.\n  - pause: 2'));
    expect(parsed.script?.steps.map((step) => step.at)).toEqual([
      { line: 8, column: 5 },
      { line: 9, column: 5 },
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const checked = checkScript('broken.yaml', fixture('syntax-error.yaml'));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map(formatProblem)).toEqual(['broken.yaml:6:1: this is not valid YAML: Missing closing "quote']);
  });

  it('reports a bare word as a step with the shape it needs', () => {
    const parsed = parseScript('x.yaml', scriptWithSteps('  - bell'));
    expect(parsed.problems.map((problem) => [problem.code, problem.line, problem.column])).toEqual([['wrong-type', 8, 5]]);
  });

  it('reports a script that is not a mapping', () => {
    const parsed = parseScript('x.yaml', '- just\n- a list\n');
    expect(parsed.script).toBeUndefined();
    expect(parsed.problems.map((problem) => problem.code)).toEqual(['wrong-type']);
  });

  it('reports duplicate keys as a syntax problem', () => {
    const parsed = parseScript('x.yaml', scriptWithSteps('  - say: One.\n    say: Two.'));
    expect(parsed.problems.map((problem) => problem.code)).toEqual(['yaml-syntax']);
  });

  it('refuses sources larger than the limit without parsing them', () => {
    const parsed = parseScript('big.yaml', `# ${'x'.repeat(300 * 1024)}\n`);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.message).toMatch(/at most 256 KB/u);
  });
});
