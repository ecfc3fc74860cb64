import { templateOf } from './plan-session';
import { templateChoices, templateRange } from './plan-template';
import { checkerFault, scriptProblem, type ScriptProblem } from './script-problem';
import type { ChoiceStep, RecordingSlot, Script, Step } from './script-model';
import { estimateSpeechSeconds, longestLineSeconds } from './speech-estimate';
import type { Seconds } from './units';

export interface ValidateOptions {
  /** Real durations where lines are rendered; estimates otherwise. */
  readonly speechSeconds?: (text: string) => Seconds;
  /** Where a recorded take is (the compiler checks files; the app has none to check). */
  readonly findTake?: (path: string) => TakeState;
}

/** A take is a file inside the scripts folder, or no such file, or a link that leads out of it. */
export type TakeState = 'present' | 'missing' | 'outside';

/** Every combination of answers is checked up to this many; beyond it, each option once. */
const mostCombinations = 64;

/**
 * Checks what parsing cannot: lengths, reachability, lines, takes. Reports every problem found.
 * It never throws: a fault of its own, or of a function in `options`, becomes one plain problem.
 */
export function validateScript(script: Script, options: ValidateOptions = {}): ScriptProblem[] {
  try {
    return findProblems(script, options);
  } catch {
    return [checkerFault(script.file)];
  }
}

function findProblems(script: Script, options: ValidateOptions): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const speechSeconds = options.speechSeconds ?? estimateSpeechSeconds;
  const { length } = script;
  if (length.min > 0 && length.max > 0 && !(length.min <= length.default && length.default <= length.max)) {
    problems.push(
      scriptProblem('bad-length', script.file, length.at, `needs min ≤ default ≤ max, got ${length.min} ≤ ${length.default} ≤ ${length.max}`),
    );
  }
  checkSteps(script, script.steps, new Map(), new Map(), options, problems);
  if (problems.length === 0 && length.min > 0) checkFill(script, speechSeconds, problems);
  return problems;
}

function checkSteps(
  script: Script,
  steps: readonly Step[],
  known: Map<string, ChoiceStep>,
  inside: ReadonlyMap<string, string>,
  options: ValidateOptions,
  problems: ScriptProblem[],
): void {
  for (const step of steps) {
    if (step.when) {
      const { choice, option, at } = step.when;
      const source = known.get(choice);
      if (!source) problems.push(scriptProblem('unreachable-branch', script.file, at, `no choice named "${choice}" comes before this step`));
      else if (!source.options.some((candidate) => candidate.id === option)) {
        problems.push(scriptProblem('unreachable-branch', script.file, at, `the choice "${choice}" has no option "${option}"`));
      } else if (inside.has(choice) && inside.get(choice) !== option) {
        problems.push(scriptProblem('unreachable-branch', script.file, at, `this step is inside option "${inside.get(choice) ?? ''}" of "${choice}", so it never plays`));
      }
    }
    for (const text of spokenTexts(step)) {
      const seconds = estimateSpeechSeconds(text);
      if (seconds > longestLineSeconds) problems.push(scriptProblem('line-too-long', script.file, step.at, seconds, longestLineSeconds));
    }
    if (step.kind === 'say' && step.take && options.findTake) {
      const state = options.findTake(step.take);
      if (state === 'missing') problems.push(scriptProblem('missing-take', script.file, step.at, step.take));
      if (state === 'outside') problems.push(scriptProblem('take-outside', script.file, step.at, step.take));
    }
    if (step.kind !== 'choice') continue;
    if (known.has(step.name)) {
      problems.push(scriptProblem('unreachable-branch', script.file, step.at, `a choice named "${step.name}" comes earlier; one answer would decide both`));
    }
    known.set(step.name, step);
    for (const option of step.options) {
      checkSteps(script, option.steps, known, new Map([...inside, [step.name, option.id]]), options, problems);
    }
  }
}

function spokenTexts(step: Step): string[] {
  switch (step.kind) {
    case 'say':
    case 'prompt':
      return [step.text];
    case 'recording':
      return [step.fallback];
    default:
      return [];
  }
}

function checkFill(script: Script, speechSeconds: (text: string) => Seconds, problems: ScriptProblem[]): void {
  const wanted = { min: script.length.min * 60, max: script.length.max * 60 };
  const fullRecordings = longestRecordings(script.steps);
  // With no recording the fallback line is spoken; with one, up to its maximum plays: both must fit.
  const variants = Object.keys(fullRecordings).length > 0 ? [{}, fullRecordings] : [{}];
  const template = templateOf(script, { speechSeconds, keyOf: (text) => text });
  for (const [choices, recordings] of answerCombinations(templateChoices(template)).flatMap((choices) => variants.map((variant) => [choices, variant] as const))) {
    const range = templateRange(template, { choices, recordings });
    const slack = Math.max(1, range.quantum);
    const given = describeChoices(choices) + (recordings === fullRecordings ? 'with the longest recordings, ' : '');
    if (range.min > wanted.min + slack) {
      problems.push(
        scriptProblem('length-unfillable', script.file, script.length.at, `${given}the shortest it can play is ${minutes(range.min)} min, above min ${script.length.min}`),
      );
    }
    if (range.max + slack < wanted.max) {
      problems.push(
        scriptProblem('length-unfillable', script.file, script.length.at, `${given}the longest it can play is ${minutes(range.max)} min, below max ${script.length.max}; add elastic pauses`),
      );
    }
    if (problems.length > 0) return;
  }
}

function longestRecordings(steps: readonly Step[]): Partial<Record<RecordingSlot, Seconds>> {
  const longest: Partial<Record<RecordingSlot, Seconds>> = {};
  const visit = (list: readonly Step[]): void => {
    for (const step of list) {
      if (step.kind === 'recording') longest[step.slot] = Math.max(longest[step.slot] ?? 0, step.maxSeconds);
      else if (step.kind === 'choice') for (const option of step.options) visit(option.steps);
    }
  };
  visit(steps);
  return longest;
}

/** Every combination of answers, or, beyond `mostCombinations`, each option once with the others at their defaults. */
export function answerCombinations(choices: readonly { readonly name: string; readonly options: readonly { readonly id: string }[] }[]): Record<string, string>[] {
  const total = choices.reduce((product, choice) => product * choice.options.length, 1);
  if (total <= mostCombinations) {
    return choices.reduce<Record<string, string>[]>(
      (combinations, choice) => combinations.flatMap((partial) => choice.options.map((option) => ({ ...partial, [choice.name]: option.id }))),
      [{}],
    );
  }
  return choices.flatMap((choice) => choice.options.map((option) => ({ [choice.name]: option.id })));
}

const minutes = (seconds: Seconds): string => (seconds / 60).toFixed(1);

function describeChoices(choices: Readonly<Record<string, string>>): string {
  const parts = Object.entries(choices).map(([name, option]) => `${name} = ${option}`);
  return parts.length > 0 ? `with ${parts.join(', ')}, ` : '';
}
