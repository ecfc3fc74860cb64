import type { ChoiceStep, Script, Step } from './script-model';

/** A step a person hears: choices are already resolved into their branch's steps. */
export type PathStep = Exclude<Step, ChoiceStep>;

/** How a branch's own ambience fades in when the branch begins. */
const branchAmbience = { volume: 0.5, fade: 4 } as const;

/** The choices a script offers, in order of appearance (nested ones included). */
export function listChoices(script: Script): ChoiceStep[] {
  const found: ChoiceStep[] = [];
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.kind !== 'choice') continue;
      found.push(step);
      for (const option of step.options) visit(option.steps);
    }
  };
  visit(script.steps);
  return found;
}

/** The option each choice takes: the one asked for if it exists, else the script's default. */
export function settleChoices(script: Script, wanted: Readonly<Record<string, string>>): Record<string, string> {
  const settled: Record<string, string> = {};
  for (const choice of listChoices(script)) {
    const asked = Object.hasOwn(wanted, choice.name) ? wanted[choice.name] : undefined;
    settled[choice.name] = choice.options.some((option) => option.id === asked) && asked ? asked : choice.defaultOption;
  }
  return settled;
}

/** The linear list of steps a person hears for the given choices; `when` conditions applied. */
export function resolvePath(script: Script, choices: Readonly<Record<string, string>>): PathStep[] {
  const path: PathStep[] = [];
  const walk = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.when && choices[step.when.choice] !== step.when.option) continue;
      if (step.kind !== 'choice') {
        path.push(step);
        continue;
      }
      const option = step.options.find((candidate) => candidate.id === choices[step.name]);
      if (!option) continue;
      if (option.ambience) path.push({ kind: 'ambience', at: option.at, ambience: option.ambience, ...branchAmbience });
      walk(option.steps);
    }
  };
  walk(script.steps);
  return path;
}
