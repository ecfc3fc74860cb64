import type { SourceLocation } from './script-model';

/** Every way a script can be wrong, each with the sentence a person reads. */
const messages = {
  'yaml-syntax': (detail: string) => `this is not valid YAML: ${detail}`,
  'wrong-type': (what: string, expected: string) => `${what} must be ${expected}`,
  'missing-key': (key: string, where: string) => `${where} needs "${key}"`,
  'unknown-key': (key: string, where: string, allowed: string) =>
    `"${key}" is not a key of ${where}; use one of: ${allowed}`,
  'unknown-step': (name: string, allowed: string) => `"${name}" is not a step; use one of: ${allowed}`,
  'unknown-value': (what: string, value: string, allowed: string) =>
    `${what} "${value}" is not known; use one of: ${allowed}`,
  'bad-duration': (what: string, detail: string) => `${what} ${detail}`,
  'empty-text': (what: string) => `${what} is empty`,
  'line-too-long': (seconds: number, limit: number) =>
    `this line takes about ${seconds.toFixed(0)} s to speak; split it into lines of at most ${limit} s`,
  'missing-take': (path: string) => `the recorded take "${path}" does not exist`,
  'unreachable-branch': (detail: string) => `unreachable: ${detail}`,
  'length-unfillable': (detail: string) => `the length range cannot be filled: ${detail}`,
  'bad-length': (detail: string) => `length ${detail}`,
  'too-many-steps': (limit: number) => `a script may have at most ${limit} steps`,
  promise: (phrase: string) =>
    `"${phrase}" promises a cure or safety that no session can keep; say what the person may try or notice instead`,
  'app-talk': (word: string) =>
    `"${word}" is the app's word, spoken here; leave it to the screen (a caption or the page's own text) and speak to the person`,
  'hard-word': (phrase: string, instead: string) => `the voice says "${phrase}" wrongly; ${instead}`,
  'no-opening': (where: string, lines: number, missing: string) =>
    `${where}an inner-child session opens, within its first ${lines} spoken lines, with ${missing}`,
  'no-return': (where: string, lines: number, anchors: string) =>
    `${where}an inner-child session comes back at the end to the anchor it opened with, but none of its last ${lines} spoken lines mentions it (${anchors})`,
  'long-silence': (where: string, minutes: number, most: number) =>
    `${where}${minutes.toFixed(1)} min pass here with no word; let a quiet line come at least every ${most} min`,
} as const;

export type ScriptProblemCode = keyof typeof messages;
export type MessageArgs<C extends ScriptProblemCode> = Parameters<(typeof messages)[C]>;

/** One located problem in a script. Validation collects all of them rather than stopping at the first. */
export interface ScriptProblem {
  readonly code: ScriptProblemCode;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function scriptProblem<C extends ScriptProblemCode>(
  code: C,
  file: string,
  at: SourceLocation,
  ...args: MessageArgs<C>
): ScriptProblem {
  const describe = messages[code] as (...values: MessageArgs<C>) => string;
  return { code, file, line: at.line, column: at.column, message: describe(...args) };
}

/** `FILE:LINE:COLUMN: message`, the shape editors and terminals link to. */
export function formatProblem(problem: ScriptProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Thrown where a caller needs a valid script and got problems instead. */
export class ScriptError extends Error {
  constructor(readonly problems: readonly ScriptProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScriptError';
  }
}
