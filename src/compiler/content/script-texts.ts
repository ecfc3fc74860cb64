import type { Script, SourceLocation, Step } from '../../engine/script-model';

/** A text a person meets: spoken by the voice, or only shown on the screen. */
export interface ScriptText {
  readonly text: string;
  readonly spoken: boolean;
  /** Where the text's step or field begins, and the key its text follows. */
  readonly at: SourceLocation;
  readonly key: string;
}

const top: SourceLocation = { line: 1, column: 1 };

/** Every text of a script, on every branch, in the order it is written. */
export function scriptTexts(script: Script): ScriptText[] {
  const texts: ScriptText[] = [
    { text: script.title, spoken: false, at: top, key: 'title' },
    { text: script.description, spoken: false, at: top, key: 'description' },
  ];
  if (script.contentNote !== undefined) texts.push({ text: script.contentNote, spoken: false, at: top, key: 'content-note' });
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      switch (step.kind) {
        case 'say':
          texts.push({ text: step.text, spoken: true, at: step.at, key: 'say' });
          break;
        case 'prompt':
          texts.push({ text: step.text, spoken: true, at: step.at, key: 'prompt' });
          break;
        case 'recording':
          texts.push({ text: step.fallback, spoken: true, at: step.at, key: 'fallback' });
          break;
        case 'choice':
          texts.push({ text: step.question, spoken: false, at: step.at, key: 'choice' });
          for (const option of step.options) {
            texts.push({ text: option.label, spoken: false, at: option.at, key: 'label' });
            visit(option.steps);
          }
          break;
        default:
          break;
      }
    }
  };
  visit(script.steps);
  return texts;
}
