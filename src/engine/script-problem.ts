import type { SourceLocation } from './script-model';

/** How a recorded take's path can fail to name a WAV file inside the scripts folder. */
const takePathFaults = {
  absolute: 'starts with "/"',
  backslash: 'uses "\\" where "/" belongs',
  climbs: 'climbs out with ".."',
  characters: 'uses characters other than letters, digits, "-", "_", "." and "/"',
  'hidden-part': 'has a part that is empty or starts with "."',
  'not-wav': 'is not a .wav file',
} as const;

export type TakePathFault = keyof typeof takePathFaults;

/** Why a script file could not be read, in the words a person reads. */
const unreadableReasons = {
  missing: 'there is no file with this name',
  folder: 'it is a folder',
  denied: 'permission to read it is missing',
  other: 'it could not be opened',
} as const;

export type UnreadableReason = keyof typeof unreadableReasons;

/** Every way a script can be wrong, each with the sentence a person reads. */
const messages = {
  'unreadable-file': (reason: UnreadableReason) => `the file must be readable: ${unreadableReasons[reason]}`,
  'checker-fault': () => 'checking stopped on something it did not expect; this is a fault in the checker, not in the script',
  'control-character': (codePoint: string) => `a control character (${codePoint}) is not allowed in a script; remove it`,
  'yaml-syntax': (detail: string) => `this is not valid YAML: ${detail}`,
  'yaml-documents': () => 'a script is one YAML document; remove this "---" and what follows it, or move it into a file of its own',
  'yaml-depth': (limit: number) => `this is nested more than ${limit} levels deep; a script needs far fewer`,
  'yaml-anchor': () => 'anchors (&name) are not used in a script; remove it',
  'yaml-alias': () => 'aliases (*name) are not used in a script; write the value out in full',
  'yaml-merge-key': () => 'merge keys (<<) are not used in a script; write the keys out in full',
  'yaml-tag': () => 'tags (!name) are not used in a script; remove it',
  'yaml-directive': () => 'directives (%YAML, %TAG) are not used in a script; remove it',
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
  'bad-take-path': (path: string, fault: TakePathFault) =>
    `the recorded take "${path}" ${takePathFaults[fault]}; write a path inside audio-scripts/, like takes/welcome.wav`,
  'take-outside': (path: string) => `the recorded take "${path}" leads outside audio-scripts/ through a link; put the file itself inside the folder`,
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

/** The one problem a script gets when checking it failed unexpectedly: no error's own text reaches a person. */
export function checkerFault(file: string): ScriptProblem {
  return scriptProblem('checker-fault', file, { line: 1, column: 1 });
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
