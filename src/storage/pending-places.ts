import type { EpochMilliseconds, ResumePosition } from './schema';
import { readStoredResume } from './session-memory-rules';

/**
 * A page being closed or reloaded cannot finish an IndexedDB write, so its last place to resume
 * is left here, written at once, and moved into the database when Lull next reads the places.
 */
const prefix = 'lull-pending-place:';

/** Leaves the place for the next visit; says false where the browser keeps no such storage. */
export function leavePendingPlace(place: ResumePosition): boolean {
  try {
    localStorage.setItem(prefix + place.sessionId, JSON.stringify(place));
    return true;
  } catch {
    // No storage (private mode, full): the place written every few seconds is what remains.
    return false;
  }
}

/** The places left by closed pages, taken out of where they were left (each read by the same rules as the database's). */
export function takePendingPlaces(now: EpochMilliseconds): ResumePosition[] {
  const places: ResumePosition[] = [];
  try {
    for (const key of Object.keys(localStorage)) {
      if (!key.startsWith(prefix)) continue;
      const text = localStorage.getItem(key);
      localStorage.removeItem(key);
      let value: unknown;
      try {
        value = JSON.parse(text ?? '');
      } catch {
        continue;
      }
      const place = readStoredResume(value, now);
      if (place) places.push(place);
    }
  } catch {
    // See above.
  }
  return places;
}
