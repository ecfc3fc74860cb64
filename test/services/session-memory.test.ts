import { describe, expect, it } from 'vitest';
import { defaultPreferences, readPreferences } from '../../src/services/preferences';
import {
  favouritesFirst,
  isWorthResuming,
  openOffers,
  readFavourites,
  resumeOffer,
  resumeWindow,
  sessionSettingsText,
  startingSettings,
  toggledFavourites,
} from '../../src/services/session-memory';
import { readSessionQuery } from '../../src/services/session-query';
import type { ResumePosition } from '../../src/storage/schema';

const now = 1_790_000_000_000;
const place = (changes: Partial<ResumePosition> = {}): ResumePosition => ({
  sessionId: 'safe-space',
  positionSeconds: 252,
  lengthMinutes: 9,
  choices: { place: 'forest' },
  updatedAt: now - 60_000,
  ...changes,
});

describe('the offer to continue', () => {
  it('offers the place, its length and its choices for a day after it was left', () => {
    expect(resumeOffer(place(), now)).toEqual({ sessionId: 'safe-space', position: 252, minutes: 9, choices: { place: 'forest' } });
    expect(resumeOffer(place({ updatedAt: now - resumeWindow }), now)).toBeDefined();
  });

  it('offers nothing once the place is more than a day old', () => {
    expect(resumeOffer(place({ updatedAt: now - resumeWindow - 1 }), now)).toBeUndefined();
  });

  it('offers nothing for a place kept by a clock far ahead of this one, nor for one a few seconds in', () => {
    expect(resumeOffer(place({ updatedAt: now + 3_600_000 }), now)).toBeUndefined();
    expect(resumeOffer(place({ positionSeconds: 2 }), now)).toBeUndefined();
    expect(resumeOffer(undefined, now)).toBeUndefined();
  });

  it('keeps no place at the very start or the very end of a session', () => {
    expect(isWorthResuming(3, 600)).toBe(false);
    expect(isWorthResuming(30, 600)).toBe(true);
    expect(isWorthResuming(595, 600)).toBe(false);
  });

  it('lists the open offers with the most recently left first, leaving out the old ones', () => {
    const offers = openOffers(
      [place({ sessionId: 'a', updatedAt: now - 5000 }), place({ sessionId: 'b', updatedAt: now - 1000 }), place({ sessionId: 'c', updatedAt: now - resumeWindow - 5 })],
      now,
    );
    expect(offers.map((offer) => offer.sessionId)).toEqual(['b', 'a']);
  });
});

describe('what a session opens with', () => {
  it('takes each setting from the link first, then the place left unfinished, then the last choice', () => {
    const resume = resumeOffer(place(), now);
    const remembered = { minutes: 15, choices: { place: 'beach', voice: 'soft' } };
    expect(startingSettings({ choices: {} }, resume, remembered)).toEqual({ minutes: 9, choices: { place: 'forest', voice: 'soft' } });
    expect(startingSettings({ minutes: 12, choices: { place: 'room' } }, resume, remembered)).toEqual({ minutes: 12, choices: { place: 'room', voice: 'soft' } });
    expect(startingSettings({ choices: {} }, undefined, remembered)).toEqual(remembered);
    expect(startingSettings({ choices: {} }, undefined, undefined)).toEqual({ choices: {} });
  });

  it('writes the last length and choices the way a link does, and reads them back the same way', () => {
    const text = sessionSettingsText({ minutes: 7.5, choices: { place: 'forest' } });
    expect(text).toBe('minutes=7.5&place=forest');
    expect(readSessionQuery(new URLSearchParams(text))).toEqual({ minutes: 7.5, choices: { place: 'forest' } });
  });
});

describe('favourites', () => {
  it('reads the ids of the setting once each, leaving out anything that is not an id', () => {
    expect(readFavourites('safe-space  butterfly-hug safe-space <b> ')).toEqual(['safe-space', 'butterfly-hug']);
    expect(readFavourites(3)).toEqual([]);
  });

  it('adds a favourite at the end and takes one out', () => {
    expect(toggledFavourites(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggledFavourites(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(toggledFavourites(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('puts the favourites first in the order they were marked, and keeps the others in theirs', () => {
    expect(favouritesFirst(['a', 'b', 'c', 'd'], (item) => item, ['d', 'b'])).toEqual(['d', 'b', 'a', 'c']);
  });
});

describe('preferences', () => {
  it('are the defaults when nothing is stored', () => {
    expect(readPreferences(new Map())).toEqual(defaultPreferences);
  });

  it('keep each stored value that fits, and the default for one that does not', () => {
    const stored = new Map<string, string | number | boolean | null>([
      ['voiceVolume', 0.4],
      ['ambienceVolume', 7],
      ['captions', false],
      ['tapVibrate', 'yes'],
      ['favouriteSessions', 'check-in safe-space'],
    ]);
    expect(readPreferences(stored)).toEqual({
      ...defaultPreferences,
      volumes: { voice: 0.4, ambience: 1, cues: 1 },
      captions: false,
      favouriteSessions: ['check-in', 'safe-space'],
    });
  });
});
