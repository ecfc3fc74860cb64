import type { ScriptProblem } from '../../engine/script-problem';
import type { Script } from '../../engine/script-model';
import { checkOpening } from './check-opening';
import { checkSilences } from './check-silences';
import { checkWords } from './check-words';

/**
 * What a shipped session must say and must not, beyond its format: no promise of a cure or
 * safety, no app talk in the voice, no word the voice says wrongly, the opening choice and anchor
 * of an inner-child session, and no long silence. Located like every script problem, sorted.
 */
export function checkContent(script: Script, source: string): ScriptProblem[] {
  return [...checkWords(script, source), ...checkOpening(script), ...checkSilences(script)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
}
