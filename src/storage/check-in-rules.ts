import { accepted, id, nullable, numberIn, record, text, type Rule } from './read-rules';
import type { CheckIn, EpochMilliseconds } from './schema';
import { isSaneTime, timeRule } from './time-rules';

/** What a check-in may hold: a mood from 1 to 5 (or none) before and after, and two short notes. */
const checkInLimits = { mood: { min: 1, max: 5 }, note: 2000 } as const;

const mood = nullable(numberIn(checkInLimits.mood.min, checkInLimits.mood.max, true));
const note = text(checkInLimits.note);

export function checkInRule(now: EpochMilliseconds): Rule<CheckIn> {
  return record('a check-in', { id, at: timeRule(now), moodBefore: mood, moodAfter: mood, feeling: note, need: note });
}

/**
 * A stored check-in as the history may show it: unchanged when it keeps the rules; a mood out
 * of range reads as not answered and a note too long is cut. Its moment is what the history is
 * about, so a check-in without a sane one is left out.
 */
export function readStoredCheckIn(value: unknown, now: EpochMilliseconds): CheckIn | undefined {
  const valid = accepted(checkInRule(now), value);
  if (valid) return valid;
  if (typeof value !== 'object' || value === null) return undefined;
  // Each field is checked below before it is used.
  const stored = value as Partial<Record<keyof CheckIn, unknown>>;
  const checkInId = accepted(id, stored.id);
  if (checkInId === undefined || !isSaneTime(stored.at, now)) return undefined;
  const noteOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, checkInLimits.note) : '');
  return {
    id: checkInId,
    at: stored.at,
    moodBefore: accepted(mood, stored.moodBefore) ?? null,
    moodAfter: accepted(mood, stored.moodAfter) ?? null,
    feeling: noteOf(stored.feeling),
    need: noteOf(stored.need),
  };
}
