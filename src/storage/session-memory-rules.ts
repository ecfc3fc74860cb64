import { accepted, id, invalid, nullable, numberIn, record, boolean, type Rule } from './read-rules';
import type { EpochMilliseconds, ResumePosition, SessionChoices, SessionRun } from './schema';
import { timeRule } from './time-rules';

/** What a session's record may hold: lengths in minutes, a place in seconds, a few choices. */
export const sessionMemoryLimits = { minutes: 600, seconds: 36_000, choices: 20 } as const;

const minutes = numberIn(0, sessionMemoryLimits.minutes);
const mood = nullable(numberIn(1, 5, true));
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** A session's choices: an object of at most 20 ids, each naming an option (`{ "place": "forest" }`). */
export const choicesRule: Rule<SessionChoices> = {
  expected: `choices (an object of at most ${String(sessionMemoryLimits.choices)} names, each an option's id)`,
  read(value, at, problems) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) {
      return problems.add('wrong-type', at, this.expected);
    }
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > sessionMemoryLimits.choices) return problems.add('wrong-type', at, this.expected);
    const out: Record<string, string> = {};
    for (const [name, option] of entries) {
      const path = at ? `${at}.${name}` : name;
      if (forbiddenKeys.has(name)) return problems.add('forbidden-key', path);
      if (accepted(id, name) === undefined) return problems.add('wrong-type', at, this.expected);
      const read = id.read(option, path, problems);
      if (read === invalid) return invalid;
      out[name] = read;
    }
    return out;
  },
};

export function sessionRunRule(now: EpochMilliseconds): Rule<SessionRun> {
  const time = timeRule(now);
  return record('a session run', { id, sessionId: id, startedAt: time, endedAt: nullable(time), lengthMinutes: minutes, completed: boolean, moodBefore: mood, moodAfter: mood });
}

export function resumePositionRule(now: EpochMilliseconds): Rule<ResumePosition> {
  return record('a resume position', { sessionId: id, positionSeconds: numberIn(0, sessionMemoryLimits.seconds), lengthMinutes: minutes, choices: choicesRule, updatedAt: timeRule(now) });
}

/** A stored run as the history shows it; one kept before runs had moods reads as not answered. */
export function readStoredRun(value: unknown, now: EpochMilliseconds): SessionRun | undefined {
  return accepted(sessionRunRule(now), withDefaults(value, { moodBefore: null, moodAfter: null }));
}

/** A stored place to resume; one kept before places had choices plays with the session's defaults. */
export function readStoredResume(value: unknown, now: EpochMilliseconds): ResumePosition | undefined {
  return accepted(resumePositionRule(now), withDefaults(value, { choices: {} }));
}

/** `value` with `defaults` for the fields it lacks (older records and files), when it is an object at all. */
export function withDefaults(value: unknown, defaults: Readonly<Record<string, unknown>>): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return { ...defaults, ...(value as Record<string, unknown>) };
}
