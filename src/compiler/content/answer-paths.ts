import { listChoices, resolvePath, settleChoices, type PathStep } from '../../engine/resolve-path';
import type { Script, SourceLocation } from '../../engine/script-model';
import { answerCombinations } from '../../engine/validate-script';

export interface AnswerPath {
  /** The answer to each choice, in the words of the script (`place = beach`). */
  readonly choices: Readonly<Record<string, string>>;
  readonly steps: readonly PathStep[];
}

export interface SpokenLine {
  readonly text: string;
  readonly at: SourceLocation;
  readonly key: string;
}

/** The steps a person hears for every combination of answers the validator also checks. */
export function answerPaths(script: Script): AnswerPath[] {
  return answerCombinations(listChoices(script)).map((wanted) => {
    const choices = settleChoices(script, wanted);
    return { choices, steps: resolvePath(script, choices) };
  });
}

/** What the voice says along a path, in order (a recording slot speaks its fallback line). */
export function spokenAlong(steps: readonly PathStep[]): SpokenLine[] {
  return steps.flatMap((step): SpokenLine[] => {
    switch (step.kind) {
      case 'say':
        return [{ text: step.text, at: step.at, key: 'say' }];
      case 'prompt':
        return [{ text: step.text, at: step.at, key: 'prompt' }];
      case 'recording':
        return [{ text: step.fallback, at: step.at, key: 'fallback' }];
      default:
        return [];
    }
  });
}

/** `with place = beach, ` for a script with choices; nothing for one without. */
export function describeAnswers(choices: Readonly<Record<string, string>>): string {
  const parts = Object.entries(choices).map(([name, option]) => `${name} = ${option}`);
  return parts.length > 0 ? `with ${parts.join(', ')}, ` : '';
}
