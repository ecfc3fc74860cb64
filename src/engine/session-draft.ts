import { breathPresets } from './breath-patterns';
import type { AmbienceKind, BreathCue, BreathPattern, PracticeKind, Script, Span, Step } from './script-model';
import { scriptProblem, type ScriptProblem } from './script-problem';

/** Seconds or minutes that are fixed (`min` = `max`) or stretch between the two with the chosen length. */
export interface DraftRange {
  readonly min: number;
  readonly max: number;
  /** The share of extra time a stretching range takes (1 unless said). */
  readonly weight?: number;
}

/** A step of a session a person makes in the app: the script's steps, without choices or recordings. */
export type DraftStep =
  | { readonly id: string; readonly kind: 'say'; readonly text: string }
  | { readonly id: string; readonly kind: 'pause'; readonly seconds: DraftRange }
  | { readonly id: string; readonly kind: 'breathe'; readonly pattern: BreathPattern; readonly minutes: DraftRange; readonly cue: BreathCue }
  | { readonly id: string; readonly kind: 'taps'; readonly interval: number; readonly minutes: DraftRange }
  | { readonly id: string; readonly kind: 'bell'; readonly count: number }
  | { readonly id: string; readonly kind: 'ambience'; readonly ambience: AmbienceKind | null; readonly volume: number; readonly fade: number }
  | { readonly id: string; readonly kind: 'prompt'; readonly text: string; readonly seconds: DraftRange | 'wait'; readonly journal: boolean };

export type DraftStepKind = DraftStep['kind'];

/** A session made in the app, as the maker edits it and the device keeps it. */
export interface SessionDraft {
  /** `made-` and letters and digits: never a built-in session's id. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly practice: PracticeKind;
  readonly length: { readonly min: number; readonly default: number; readonly max: number };
  readonly steps: readonly DraftStep[];
}

/** What a made session may hold: enough for a long session, little enough that it never burdens the app. */
export const draftLimits = {
  steps: 200,
  /** Characters of a title, a description, a line or a question. */
  titleCharacters: 80,
  descriptionCharacters: 300,
  textCharacters: 400,
  longestMinutes: 60,
} as const;

export const madeSessionPrefix = 'made-';
const madeIdPattern = /^made-[a-z0-9]{4,24}$/u;

export const isMadeSessionId = (id: string): boolean => madeIdPattern.test(id);

/** A YAML string that reads back as exactly `text` (JSON's quoting is YAML's double-quoted style). */
const quoted = (text: string): string => JSON.stringify(text);

const number = (value: number): string => (Number.isFinite(value) ? String(value) : '0');

function rangeYaml(range: DraftRange): string {
  if (range.min === range.max) return number(range.min);
  const weight = range.weight === undefined || range.weight === 1 ? '' : `, weight: ${number(range.weight)}`;
  return `{ min: ${number(range.min)}, max: ${number(range.max)}${weight} }`;
}

function patternYaml(pattern: BreathPattern): string {
  const preset = Object.entries(breathPresets).find(([, known]) => known.inhale === pattern.inhale && known.hold === pattern.hold && known.exhale === pattern.exhale && known.rest === pattern.rest);
  if (preset) return preset[0];
  return `{ inhale: ${number(pattern.inhale)}, hold: ${number(pattern.hold)}, exhale: ${number(pattern.exhale)}, rest: ${number(pattern.rest)} }`;
}

function stepLines(step: DraftStep): string[] {
  switch (step.kind) {
    case 'say':
      return [`say: ${quoted(step.text)}`];
    case 'pause':
      return [`pause: ${rangeYaml(step.seconds)}`];
    case 'breathe':
      return [`breathe: ${patternYaml(step.pattern)}`, `minutes: ${rangeYaml(step.minutes)}`, `cue: ${step.cue}`];
    case 'taps':
      return [`taps: ${number(step.interval)}`, `minutes: ${rangeYaml(step.minutes)}`];
    case 'bell':
      return [`bell: ${number(step.count)}`];
    case 'ambience':
      return step.ambience === null ? ['ambience: stop', `fade: ${number(step.fade)}`] : [`ambience: ${step.ambience}`, `volume: ${number(step.volume)}`, `fade: ${number(step.fade)}`];
    case 'prompt':
      return [`prompt: ${quoted(step.text)}`, step.seconds === 'wait' ? 'wait: true' : `seconds: ${rangeYaml(step.seconds)}`, `journal: ${step.journal ? 'true' : 'false'}`];
  }
}

/** A draft written out as a script in the `audio-scripts/` format, with the line each step starts on. */
export interface DraftSource {
  readonly source: string;
  /** 1-based line of each step's first line, in step order. */
  readonly stepLines: readonly number[];
}

export function draftSource(draft: SessionDraft): DraftSource {
  const lines = [
    'lull: 1',
    `id: ${draft.id}`,
    `title: ${quoted(draft.title)}`,
    `description: ${quoted(draft.description)}`,
    `practice: ${draft.practice}`,
    `length: { default: ${number(draft.length.default)}, min: ${number(draft.length.min)}, max: ${number(draft.length.max)} }`,
    'steps:',
  ];
  const starts: number[] = [];
  for (const step of draft.steps) {
    starts.push(lines.length + 1);
    stepLines(step).forEach((line, index) => lines.push(`${index === 0 ? '  - ' : '    '}${line}`));
  }
  if (draft.steps.length === 0) lines[lines.length - 1] = 'steps: []';
  return { source: `${lines.join('\n')}\n`, stepLines: starts };
}

/** Where a problem found in a draft's script belongs: the session's details, or one of its steps. */
export type DraftProblemPlace = { readonly kind: 'details' } | { readonly kind: 'step'; readonly index: number };

/** The step a problem on `line` of the draft's script belongs to (the header's lines are the details). */
export function placeOfProblem(line: number, stepStarts: readonly number[]): DraftProblemPlace {
  let index = -1;
  stepStarts.forEach((start, at) => {
    if (start <= line) index = at;
  });
  return index < 0 ? { kind: 'details' } : { kind: 'step', index };
}

/** The limits of a made session that the script format itself allows beyond, as located problems. */
export function draftLimitProblems(draft: SessionDraft, file: string, stepStarts: readonly number[]): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const header = { line: 3, column: 1 };
  if (draft.title.length > draftLimits.titleCharacters) problems.push(scriptProblem('wrong-type', file, header, 'the title', `at most ${draftLimits.titleCharacters} characters`));
  if (draft.description.length > draftLimits.descriptionCharacters) problems.push(scriptProblem('wrong-type', file, { line: 4, column: 1 }, 'the description', `at most ${draftLimits.descriptionCharacters} characters`));
  if (draft.length.max > draftLimits.longestMinutes) problems.push(scriptProblem('bad-length', file, { line: 6, column: 1 }, `max must be at most ${draftLimits.longestMinutes} minutes in a session made here`));
  if (draft.steps.length > draftLimits.steps) problems.push(scriptProblem('too-many-steps', file, { line: stepStarts[draftLimits.steps] ?? 7, column: 5 }, draftLimits.steps));
  draft.steps.forEach((step, index) => {
    if ((step.kind === 'say' || step.kind === 'prompt') && step.text.length > draftLimits.textCharacters) {
      problems.push(scriptProblem('wrong-type', file, { line: stepStarts[index] ?? 7, column: 5 }, step.kind === 'say' ? 'a spoken line' : 'a question', `at most ${draftLimits.textCharacters} characters`));
    }
  });
  return problems;
}

/** Why a script cannot become a made session, though it is a valid script. */
export function undraftableProblems(script: Script): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const visit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      if (step.kind === 'choice') problems.push(scriptProblem('unknown-step', script.file, step.at, 'choice', 'say, pause, breathe, taps, bell, ambience, prompt (a session made in Lull has no choices yet)'));
      else if (step.kind === 'recording') problems.push(scriptProblem('unknown-step', script.file, step.at, 'recording', 'say, pause, breathe, taps, bell, ambience, prompt (record a line with "Narrate this yourself" instead)'));
      else if (step.when) problems.push(scriptProblem('unknown-key', script.file, step.when.at, 'when', 'a step of a session made in Lull', 'none (it has no choices)'));
    }
  };
  visit(script.steps);
  return problems;
}

/** A valid script as a draft (after `undraftableProblems` found nothing); `newId` names it on this device. */
export function draftOfScript(script: Script, newId: string, stepId: () => string): SessionDraft {
  const steps: DraftStep[] = [];
  for (const step of script.steps) {
    const id = stepId();
    switch (step.kind) {
      case 'say':
        steps.push({ id, kind: 'say', text: step.text });
        break;
      case 'pause':
        steps.push({ id, kind: 'pause', seconds: secondsOf(step.span) });
        break;
      case 'breathe': {
        const seconds = step.pattern.inhale + step.pattern.hold + step.pattern.exhale + step.pattern.rest;
        const minutes = step.length.kind === 'cycles' ? fixedMinutes((step.length.cycles * seconds) / 60) : minutesOf(step.length.span);
        steps.push({ id, kind: 'breathe', pattern: step.pattern, minutes, cue: step.cue });
        break;
      }
      case 'taps': {
        const minutes = step.length.kind === 'count' ? fixedMinutes((step.length.count * step.interval) / 60) : minutesOf(step.length.span);
        steps.push({ id, kind: 'taps', interval: step.interval, minutes });
        break;
      }
      case 'bell':
        steps.push({ id, kind: 'bell', count: step.count });
        break;
      case 'ambience':
        steps.push({ id, kind: 'ambience', ambience: step.ambience, volume: step.volume, fade: step.fade });
        break;
      case 'prompt':
        steps.push({ id, kind: 'prompt', text: step.text, seconds: step.window.kind === 'wait' ? 'wait' : secondsOf(step.window.span), journal: step.writing !== null });
        break;
      case 'choice':
      case 'recording':
        break;
    }
  }
  return { id: newId, title: script.title, description: script.description, practice: script.practice, length: { min: script.length.min, default: script.length.default, max: script.length.max }, steps };
}

const roundTo = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places;
const fixedMinutes = (minutes: number): DraftRange => ({ min: roundTo(minutes, 2), max: roundTo(minutes, 2) });
const weightOf = (span: Span): { weight?: number } => (span.kind === 'elastic' && span.weight !== 1 ? { weight: span.weight } : {});
const secondsOf = (span: Span): DraftRange => (span.kind === 'fixed' ? { min: span.seconds, max: span.seconds } : { min: span.min, max: span.max, ...weightOf(span) });
const minutesOf = (span: Span): DraftRange => {
  const seconds = secondsOf(span);
  return { min: roundTo(seconds.min / 60, 2), max: roundTo(seconds.max / 60, 2), ...(seconds.weight === undefined ? {} : { weight: seconds.weight }) };
};
