import type { Minutes } from '../engine/units';

/** Reads a deep link's settings: `?minutes=5&place=forest` → length and choices. */
export function readSessionQuery(query: URLSearchParams): { minutes?: Minutes; choices: Record<string, string> } {
  const choices: Record<string, string> = {};
  let minutes: Minutes | undefined;
  for (const [key, value] of query) {
    if (key === 'minutes') {
      const parsed = Number(value);
      if (Number.isFinite(parsed) && parsed > 0) minutes = parsed;
    } else if (/^[a-z0-9-]{1,40}$/u.test(key) && /^[a-z0-9-]{1,40}$/u.test(value)) {
      choices[key] = value;
    }
  }
  return minutes === undefined ? { choices } : { minutes, choices };
}
