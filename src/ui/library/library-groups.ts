import type { LibraryEntry } from '../../engine/pack-manifest';
import type { PracticeKind } from '../../engine/script-model';

export interface LibraryGroup {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly entries: readonly LibraryEntry[];
}

/** The library is arranged by what a person needs, not by technique. */
const needs: readonly { id: string; title: string; description: string; practices: readonly PracticeKind[] }[] = [
  { id: 'overwhelmed', title: 'I feel overwhelmed', description: 'For strong feelings, right now.', practices: ['self-soothing', 'butterfly-hug'] },
  { id: 'breathe', title: 'Breathe', description: 'Slow, paced breathing, with a voice, a tone or in silence.', practices: ['breathing'] },
  { id: 'reconnect', title: 'I want to reconnect', description: 'Gentle time with the child you once were.', practices: ['safe-space', 'five-questions', 'letter', 'memories'] },
  { id: 'kindness', title: 'Be kind to myself', description: 'Kind words, and a little play.', practices: ['self-compassion', 'play'] },
  { id: 'check-in', title: 'Check in', description: 'Two or three minutes to notice how you are.', practices: ['check-in'] },
];

/** Sessions grouped by need, in a fixed order; a practice no need names is listed under "More". */
export function groupByNeed(entries: readonly LibraryEntry[]): LibraryGroup[] {
  const groups: LibraryGroup[] = needs.map(({ practices, ...need }) => ({ ...need, entries: entries.filter((entry) => practices.includes(entry.practice)) }));
  const named = new Set(needs.flatMap((need) => need.practices));
  groups.push({ id: 'more', title: 'More', description: 'Other sessions.', entries: entries.filter((entry) => !named.has(entry.practice)) });
  return groups.filter((group) => group.entries.length > 0);
}

/** The person's favourite sessions as the first group, in the order they marked them; each then appears there only. */
export function withFavouritesFirst(groups: readonly LibraryGroup[], favourites: readonly string[]): LibraryGroup[] {
  const all = groups.flatMap((group) => group.entries);
  const entries = favourites.flatMap((id) => all.find((entry) => entry.id === id) ?? []);
  if (entries.length === 0) return [...groups];
  const marked = new Set(entries.map((entry) => entry.id));
  const rest = groups.map((group) => ({ ...group, entries: group.entries.filter((entry) => !marked.has(entry.id)) })).filter((group) => group.entries.length > 0 || group.id === 'breathe');
  return [{ id: 'favourites', title: 'Your favourites', description: 'The sessions you marked, first.', entries }, ...rest];
}
