import { parseScript } from './parse-script';
import type { Script } from './script-model';
import type { ScriptProblem } from './script-problem';
import { validateScript, type ValidateOptions } from './validate-script';

export type CheckedScript = { readonly ok: true; readonly script: Script } | { readonly ok: false; readonly problems: readonly ScriptProblem[] };

/** Parse, then validate: all of a script's problems, sorted by where they are. */
export function checkScript(file: string, source: string, options: ValidateOptions = {}): CheckedScript {
  const parsed = parseScript(file, source);
  const problems = [...parsed.problems];
  // A partly read script still gets its other checks; only its length cannot be judged.
  if (parsed.script && problems.length === 0) problems.push(...validateScript(parsed.script, options));
  else if (parsed.script) problems.push(...validateScript(parsed.script, options).filter((problem) => problem.code !== 'length-unfillable'));
  if (problems.length === 0 && parsed.script) return { ok: true, script: parsed.script };
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}
