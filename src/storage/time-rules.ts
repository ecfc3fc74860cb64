import { scalar, type Rule } from './read-rules';
import type { EpochMilliseconds } from './schema';

/** No record of Lull's can be older than this. */
export const earliestTime: EpochMilliseconds = Date.UTC(2000, 0, 1);

/** How far ahead of this device's clock a moment may be: another device's clock may run a little fast. */
const clockLeeway: EpochMilliseconds = 24 * 60 * 60 * 1000;

/** Whether `value` is a moment a record can hold: whole milliseconds from 2000 to a day after `now`. */
export function isSaneTime(value: unknown, now: EpochMilliseconds): value is EpochMilliseconds {
  return typeof value === 'number' && Number.isInteger(value) && value >= earliestTime && value <= now + clockLeeway;
}

/** A stored moment that only orders records, brought into the range (or to its start when it is no number at all). */
export function repairedTime(value: unknown, now: EpochMilliseconds): EpochMilliseconds {
  if (isSaneTime(value, now)) return value;
  if (typeof value !== 'number' || Number.isNaN(value)) return earliestTime;
  return Math.round(Math.min(Math.max(value, earliestTime), now + clockLeeway));
}

/** The rule for every moment in a backup, against the clock of the device reading it. */
export function timeRule(now: EpochMilliseconds): Rule<EpochMilliseconds> {
  return scalar('a moment from 1 January 2000 to one day from now, in whole milliseconds since 1970', (value): value is EpochMilliseconds => isSaneTime(value, now));
}
