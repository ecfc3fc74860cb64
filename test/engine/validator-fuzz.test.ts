import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkScript } from '../../src/engine/check-script';

const valid = parse(readFileSync('test/fixtures/scripts/every-step.yaml', 'utf8')) as Record<string, unknown> & { steps: unknown[] };
const requiredKeys = ['lull', 'id', 'title', 'description', 'practice', 'length', 'steps'];

/** A value of the wrong kind for anything in a script. */
const junk = fc.oneof(
  fc.integer({ min: -1e6, max: -1 }),
  fc.constant(null),
  fc.constantFrom('', '   ', 'NaN', '∞', '🙂🙂', 'שָׁלוֹם'),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }).map((key) => `x-${key}`), fc.anything({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }),
);

/** One change that always breaks a valid script. */
const breakage = fc.oneof(
  fc.record({ kind: fc.constant('unknown-top-key' as const), key: fc.string({ minLength: 1, maxLength: 8 }).map((key) => `zz-${key}`), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('drop-required' as const), key: fc.constantFrom(...requiredKeys) }),
  fc.record({ kind: fc.constant('junk-step' as const), index: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('junk-step-value' as const), index: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('unknown-step' as const), index: fc.nat(), name: fc.string({ minLength: 1, maxLength: 10 }).map((name) => `nope-${name}`) }),
  fc.record({ kind: fc.constant('deep-nesting' as const), depth: fc.integer({ min: 5, max: 400 }) }),
  // Title and description accept any text, numbers included, so only the structured keys get junk.
  fc.record({ kind: fc.constant('junk-top-value' as const), key: fc.constantFrom('lull', 'id', 'practice', 'length', 'steps'), value: junk }),
);

type Breakage = typeof breakage extends fc.Arbitrary<infer T> ? T : never;

function applyBreakage(change: Breakage): string {
  const script: Record<string, unknown> = structuredClone(valid);
  const steps = script.steps as unknown[];
  const stepAt = (index: number) => index % steps.length;
  switch (change.kind) {
    case 'unknown-top-key':
      script[change.key] = change.value;
      break;
    case 'drop-required':
      Reflect.deleteProperty(script, change.key);
      break;
    case 'junk-step':
      steps[stepAt(change.index)] = change.value;
      break;
    case 'junk-step-value': {
      const step = steps[stepAt(change.index)] as Record<string, unknown>;
      const [kind] = Object.keys(step);
      // Spoken text accepts any scalar (a line may be a number); give those kinds a mapping instead.
      const textual = kind === 'say' || kind === 'prompt' || kind === 'choice';
      const scalar = typeof change.value === 'string' || typeof change.value === 'number';
      if (kind) step[kind] = textual && scalar ? { bad: change.value } : change.value;
      break;
    }
    case 'unknown-step':
      steps.splice(stepAt(change.index), 0, { [change.name]: 1 });
      break;
    case 'deep-nesting': {
      let nested: unknown = 'bottom';
      for (let level = 0; level < change.depth; level += 1) nested = [nested];
      steps.push({ say: nested });
      break;
    }
    case 'junk-top-value':
      script[change.key] = change.value;
      break;
  }
  return stringify(script);
}

/** Words that only a JavaScript error or the YAML library's advice would put in a message. */
const engineWords = /Maximum call stack|RangeError|TypeError|ReferenceError|Error:|parseAllDocuments|YAML\.|\bat line\b/u;

function expectLocatedProblems(source: string, mustFail = true): void {
  const started = performance.now();
  const checked = checkScript('fuzz.yaml', source);
  expect(performance.now() - started).toBeLessThan(2000);
  if (mustFail) expect(checked.ok).toBe(false);
  if (checked.ok) return;
  expect(checked.problems.length).toBeGreaterThan(0);
  for (const problem of checked.problems) {
    expect(problem.file).toBe('fuzz.yaml');
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(5);
    expect(problem.message).not.toMatch(engineWords);
  }
}

/** YAML that a plain-data script refuses, control characters and very deep openings, to splice into valid text. */
const unplainSnippet = fc.oneof(
  fc.constantFrom('&a ', '*a', '<<: ', '\n---\n', '%YAML 1.1\n---\n', '!!binary ', '!local ', '? ', '|\n', '"\\0"', "'", '"', '#', ': ', '- ', '\t'),
  fc.integer({ min: 0, max: 0x9f }).filter((code) => code < 0x20 || code >= 0x7f).map((code) => String.fromCharCode(code)),
  fc.record({ open: fc.constantFrom('[', '{a: ', '- ', '{'), depth: fc.integer({ min: 1, max: 10_000 }) }).map(({ open, depth }) => open.repeat(depth)),
);

describe('the validator under malformed input', () => {
  it('gives located problems, and never throws or hangs, for 1,000 broken variants of a valid script', () => {
    fc.assert(
      fc.property(breakage, (change) => {
        expectLocatedProblems(applyBreakage(change));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('gives located problems for 1,000 arbitrary texts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.lorem({ maxCount: 40 })), (text) => {
        expectLocatedProblems(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives located problems in plain words, and never throws, for 500 YAML features, control characters and deep openings spliced into a valid script', () => {
    const source = stringify(valid);
    fc.assert(
      fc.property(fc.nat({ max: source.length }), fc.array(unplainSnippet, { minLength: 1, maxLength: 3 }), (at, snippets) => {
        expectLocatedProblems(`${source.slice(0, at)}${snippets.join('')}${source.slice(at)}`, false);
      }),
      { numRuns: 500 },
    );
  }, 120_000);

  it('stops at the step limit with one located problem for a script of thousands of steps', () => {
    const source = stringify({ ...valid, steps: Array.from({ length: 4000 }, () => ({ pause: 1 })) });
    const checked = checkScript('huge.yaml', source);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((problem) => [problem.code, problem.line])).toEqual([['too-many-steps', 2011]]);
  });

  it('never throws for a valid script cut off at any point', () => {
    const source = readFileSync('test/fixtures/scripts/every-step.yaml', 'utf8');
    for (let cut = 0; cut < source.length; cut += 7) {
      const checked = checkScript('cut.yaml', source.slice(0, cut));
      if (!checked.ok) for (const problem of checked.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
    }
  });
});
