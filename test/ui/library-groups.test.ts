import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../src/engine/pack-manifest';
import type { PracticeKind } from '../../src/engine/script-model';
import { groupByNeed, withFavouritesFirst } from '../../src/ui/library/library-groups';

const entry = (id: string, practice: PracticeKind): LibraryEntry => ({
  id,
  title: id,
  description: '',
  practice,
  length: { default: 5, min: 3, max: 10 },
  manifest: `${id}/manifest.json`,
  ambience: [],
  bytes: 1,
});

describe('groupByNeed', () => {
  it('arranges sessions by need, in a fixed order, leaving out empty needs', () => {
    const groups = groupByNeed([entry('calm', 'self-soothing'), entry('safe', 'safe-space'), entry('breathe', 'breathing'), entry('hug', 'butterfly-hug')]);
    expect(groups.map((group) => [group.title, group.entries.map((item) => item.id)])).toEqual([
      ['I feel overwhelmed', ['calm', 'hug']],
      ['Breathe', ['breathe']],
      ['I want to reconnect', ['safe']],
    ]);
  });

  it('lists every session exactly once', () => {
    const kinds: PracticeKind[] = ['safe-space', 'self-soothing', 'breathing', 'butterfly-hug', 'five-questions', 'letter', 'memories', 'play', 'self-compassion', 'check-in'];
    const groups = groupByNeed(kinds.map((kind) => entry(kind, kind)));
    expect(groups.flatMap((group) => group.entries.map((item) => item.id)).sort()).toEqual([...kinds].sort());
  });
});

describe('withFavouritesFirst', () => {
  it('shows the favourites as the first group, in the order marked, and only there', () => {
    const groups = groupByNeed([entry('calm', 'self-soothing'), entry('safe', 'safe-space'), entry('hug', 'butterfly-hug'), entry('breathe', 'breathing')]);
    const arranged = withFavouritesFirst(groups, ['safe', 'calm', 'gone']);
    expect(arranged.map((group) => [group.title, group.entries.map((item) => item.id)])).toEqual([
      ['Your favourites', ['safe', 'calm']],
      ['I feel overwhelmed', ['hug']],
      ['Breathe', ['breathe']],
    ]);
  });

  it('leaves the library as it is without favourites', () => {
    const groups = groupByNeed([entry('calm', 'self-soothing')]);
    expect(withFavouritesFirst(groups, [])).toEqual(groups);
  });
});
