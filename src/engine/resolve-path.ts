import { choicesIn, pathThrough, settleAnswers } from './choice-tree';
import type { ChoiceStep, Script, Step } from './script-model';

/** A step a person hears: choices are already resolved into their branch's steps. */
export type PathStep = Exclude<Step, ChoiceStep>;

/** How a branch's own ambience fades in when the branch begins. */
const branchAmbience = { volume: 0.5, fade: 4 } as const;

const isChoiceStep = (step: Step): step is ChoiceStep => step.kind === 'choice';

/** The choices a script offers, in order of appearance (nested ones included). */
export function listChoices(script: Script): ChoiceStep[] {
  return choicesIn(script.steps, isChoiceStep);
}

/** The option each choice takes: the one asked for if it exists, else the script's default. */
export function settleChoices(script: Script, wanted: Readonly<Record<string, string>>): Record<string, string> {
  return settleAnswers(listChoices(script), wanted);
}

/** The linear list of steps a person hears for the given choices; `when` conditions applied. */
export function resolvePath(script: Script, choices: Readonly<Record<string, string>>): PathStep[] {
  return pathThrough(script.steps, choices, isChoiceStep, (option) => (option.ambience ? [{ kind: 'ambience', at: option.at, ambience: option.ambience, ...branchAmbience }] : []));
}
