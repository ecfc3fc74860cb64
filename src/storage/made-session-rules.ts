import { breathPhaseLimits } from '../engine/breath-patterns';
import { ambienceKinds, breathCueKinds, practiceKinds } from '../engine/script-model';
import { draftLimits, isMadeSessionId, type DraftStep } from '../engine/session-draft';
import { accepted, boolean, id, invalid, list, nullable, numberIn, oneOf, optional, record, scalar, text, type Rule } from './read-rules';
import type { EpochMilliseconds, MadeSession } from './schema';
import { timeRule } from './time-rules';

/** Seconds any timed part of a made session may take at most (a step, a pause, a window). */
const longestSeconds = draftLimits.longestMinutes * 60;

const range = (max: number) => record('a range', { min: numberIn(0, max), max: numberIn(0, max), weight: optional(numberIn(0.01, 100)) });
const phase = (name: keyof typeof breathPhaseLimits) => numberIn(breathPhaseLimits[name].min, breathPhaseLimits[name].max);

/** Each kind of step with exactly its own fields. */
const stepRules: Readonly<Record<DraftStep['kind'], Rule<unknown>>> = {
  say: record('a spoken line', { id, kind: oneOf(['say']), text: text(draftLimits.textCharacters) }),
  pause: record('a pause', { id, kind: oneOf(['pause']), seconds: range(longestSeconds) }),
  breathe: record('breathing', {
    id,
    kind: oneOf(['breathe']),
    pattern: record('a breathing pattern', { inhale: phase('inhale'), hold: phase('hold'), exhale: phase('exhale'), rest: phase('rest') }),
    minutes: range(draftLimits.longestMinutes),
    cue: oneOf(breathCueKinds),
  }),
  taps: record('taps', { id, kind: oneOf(['taps']), interval: numberIn(0.3, 10), minutes: range(draftLimits.longestMinutes) }),
  bell: record('a bell', { id, kind: oneOf(['bell']), count: numberIn(1, 5, true) }),
  ambience: record('an ambience', { id, kind: oneOf(['ambience']), ambience: nullable(oneOf(ambienceKinds)), volume: numberIn(0, 1), fade: numberIn(0, 60) }),
  prompt: record('a question', {
    id,
    kind: oneOf(['prompt']),
    text: text(draftLimits.textCharacters),
    seconds: { expected: 'a range, or "wait"', read: (value, at, problems) => (value === 'wait' ? 'wait' : range(longestSeconds).read(value, at, problems)) },
    journal: boolean,
  }),
};

const stepKinds = Object.keys(stepRules);

/** A step: which fields it must have follows from its `kind`. */
const stepRule: Rule<DraftStep> = {
  expected: `a step (an object whose "kind" is one of: ${stepKinds.join(', ')})`,
  read(value, at, problems) {
    const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
    const rule = typeof kind === 'string' && Object.hasOwn(stepRules, kind) ? stepRules[kind as DraftStep['kind']] : undefined;
    if (!rule) return problems.add('wrong-type', at, this.expected);
    const read = rule.read(value, at, problems);
    return read === invalid ? invalid : (read as DraftStep);
  },
};

const madeId = scalar('a made session’s id: "made-" and 4 to 24 lower-case letters or digits', (value): value is string => typeof value === 'string' && isMadeSessionId(value));

/** A session the person made, in a backup and in storage: the maker's own fields, by the maker's own limits. */
export function madeSessionRule(now: EpochMilliseconds): Rule<MadeSession> {
  const time = timeRule(now);
  return record('a made session', {
    id: madeId,
    title: text(draftLimits.titleCharacters),
    description: text(draftLimits.descriptionCharacters),
    practice: oneOf(practiceKinds),
    length: record('a length', { min: numberIn(0, draftLimits.longestMinutes), default: numberIn(0, draftLimits.longestMinutes), max: numberIn(0, draftLimits.longestMinutes) }),
    steps: list(stepRule, draftLimits.steps, 'id'),
    createdAt: time,
    updatedAt: time,
    revision: numberIn(1, Number.MAX_SAFE_INTEGER, true),
  });
}

/** A stored made session as the app may show it, or undefined if it breaks the rules (it is kept, never shown broken). */
export function readStoredMadeSession(value: unknown, now: EpochMilliseconds): MadeSession | undefined {
  return accepted(madeSessionRule(now), value);
}
