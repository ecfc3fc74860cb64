import { readFileSync } from 'node:fs';
import { checkScript } from '../../src/engine/check-script';
import { formatProblem } from '../../src/engine/script-problem';
import type { Script } from '../../src/engine/script-model';

/** Reads and checks a script file, failing loudly with its problems if it is not valid. */
export function loadValidScript(path: string): Script {
  const checked = checkScript(path, readFileSync(path, 'utf8'));
  if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
  return checked.script;
}

/** A minimal valid script with the given steps (YAML lines, already indented by four spaces). */
export function scriptWithSteps(steps: string, length = '{ default: 1, min: 0.5, max: 2 }'): string {
  return `lull: 1
id: sample
title: Sample
description: A sample.
practice: breathing
length: ${length}
steps:
${steps}
`;
}
