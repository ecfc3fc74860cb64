import type { AmbienceKind, RecordingSlot, Script, Step } from './script-model';

/** Every distinct line a script can speak, on any branch, in order of first appearance. */
export function spokenLines(script: Script): string[] {
  const lines = new Set<string>();
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.kind === 'say' || step.kind === 'prompt') lines.add(step.text);
      else if (step.kind === 'recording') lines.add(step.fallback);
      else if (step.kind === 'choice') for (const option of step.options) visit(option.steps);
    }
  };
  visit(script.steps);
  return [...lines];
}

/** The takes a script's lines use, by line text. */
export function recordedTakes(script: Script): Map<string, string> {
  const takes = new Map<string, string>();
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.kind === 'say' && step.take) takes.set(step.text, step.take);
      else if (step.kind === 'choice') for (const option of step.options) visit(option.steps);
    }
  };
  visit(script.steps);
  return takes;
}

/** The ambience loops a script can play, on any branch. */
export function ambiencesUsed(script: Script): AmbienceKind[] {
  const used = new Set<AmbienceKind>();
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.kind === 'ambience' && step.ambience) used.add(step.ambience);
      else if (step.kind === 'choice') {
        for (const option of step.options) {
          if (option.ambience) used.add(option.ambience);
          visit(option.steps);
        }
      }
    }
  };
  visit(script.steps);
  return [...used];
}

/** The recording slots a script can play, on any branch. */
export function recordingSlotsUsed(script: Script): RecordingSlot[] {
  const slots = new Set<RecordingSlot>();
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.kind === 'recording') slots.add(step.slot);
      else if (step.kind === 'choice') for (const option of step.options) visit(option.steps);
    }
  };
  visit(script.steps);
  return [...slots];
}
