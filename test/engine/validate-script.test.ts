import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScript } from '../../src/engine/check-script';
import { formatProblem } from '../../src/engine/script-problem';
import { validateScript } from '../../src/engine/validate-script';
import { loadValidScript, scriptWithSteps } from '../helpers/scripts';

const updateGolden = process.env.UPDATE_GOLDEN === '1';

function problemsOf(source: string, takeExists: (path: string) => boolean = () => true): string[] {
  const checked = checkScript('s.yaml', source, { findTake: (path) => (takeExists(path) ? 'present' : 'missing') });
  return checked.ok ? [] : checked.problems.map((problem) => `${problem.code} ${formatProblem(problem)}`);
}

describe('validation', () => {
  it('reports every problem of a bad script, each located (golden file)', () => {
    const source = readFileSync('test/fixtures/scripts/many-problems.yaml', 'utf8');
    const report = `${problemsOf(source, () => false).join('\n')}\n`;
    const goldenPath = 'test/fixtures/scripts/many-problems.expected.txt';
    if (updateGolden) {
      // Written only on request, so a changed message is always a reviewed change.
      writeFileSync(goldenPath, report);
    }
    expect(report).toBe(readFileSync(goldenPath, 'utf8'));
  });

  it('accepts the shipped sessions', () => {
    for (const name of ['breathe-long-exhale.yaml', 'safe-space.yaml']) {
      expect(problemsOf(readFileSync(`audio-scripts/${name}`, 'utf8'))).toEqual([]);
    }
  });

  it('finds a step that can never play because its option belongs to another choice', () => {
    const problems = problemsOf(
      scriptWithSteps(`  - choice: Where?
    name: place
    options:
      beach: { label: Beach, steps: [ { say: Sea. } ] }
      room: { label: Room, steps: [ { say: Fire. } ] }
  - say: Hello.
    when: { place: garden }
  - pause: { min: 1, max: 200 }`),
    );
    expect(problems).toEqual(['unreachable-branch s.yaml:14:11: unreachable: the choice "place" has no option "garden"']);
  });

  it('finds two choices with the same name', () => {
    const problems = problemsOf(
      scriptWithSteps(`  - choice: A?
    name: pick
    options: { one: { label: One, steps: [] } }
  - choice: B?
    name: pick
    options: { two: { label: Two, steps: [] } }
  - pause: { min: 30, max: 200 }`),
    );
    expect(problems).toEqual(['unreachable-branch s.yaml:11:5: unreachable: a choice named "pick" comes earlier; one answer would decide both']);
  });

  it('finds a length range that is longer than the script can stretch', () => {
    const problems = problemsOf(scriptWithSteps('  - say: Hello.\n  - pause: { min: 1, max: 30 }'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^length-unfillable s\.yaml:6:9: .*the longest it can play is 0\.5 min, below max 2/u);
  });

  it('finds a length range that is shorter than the script can shrink', () => {
    const problems = problemsOf(scriptWithSteps('  - pause: 90\n  - pause: { min: 1, max: 300 }'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/the shortest it can play is 1\.5 min, above min 0\.5/u);
  });

  it('finds a recorded take that is missing', () => {
    const problems = problemsOf(scriptWithSteps('  - say: Hi.\n    take: takes/hi.wav\n  - pause: { min: 1, max: 200 }'), () => false);
    expect(problems).toEqual(['missing-take s.yaml:8:5: the recorded take "takes/hi.wav" does not exist']);
  });

  it('turns a fault while checking into one plain, coded problem, never an exception', () => {
    const script = loadValidScript('test/fixtures/scripts/every-step.yaml');
    const problems = validateScript(script, {
      speechSeconds: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    });
    expect(problems.map((problem) => `${problem.code} ${formatProblem(problem)}`)).toEqual([
      'checker-fault test/fixtures/scripts/every-step.yaml:1:1: checking stopped on something it did not expect; this is a fault in the checker, not in the script',
    ]);
  });
});

describe('validation of a script with a recording slot', () => {
  it('checks the length range both with the fallback line and with the longest recording', () => {
    const problems = problemsOf(
      scriptWithSteps(`  - recording: letter
    fallback: Record your letter first.
    max: 300
  - pause: { min: 1, max: 200 }`),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/with the longest recordings, the shortest it can play is 5\.0 min, above min 0\.5/u);
  });
});
