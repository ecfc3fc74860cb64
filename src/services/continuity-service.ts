import type { Bus } from '../engine/audio-port';
import type { Minutes } from '../engine/units';
import { leavePendingPlace, takePendingPlaces } from '../storage/pending-places';
import type { LullDatabase, ResumePosition, SessionChoices, SessionRun } from '../storage/schema';
import { clearResumePosition, getResumePosition, getSessionRun, listResumePositions, listSessionRuns, putResumePosition, putSessionRun } from '../storage/session-history';
import { sessionSettingsKey, settingKeys } from '../storage/setting-rules';
import { getSetting, getSettings, putSetting } from '../storage/settings';
import { readSessionQuery } from './session-query';
import type { DataStore } from './data-store';
import { preferenceKeys, readPreferences, volumeKeys, type Preferences } from './preferences';
import { openOffers, resumeOffer, sessionSettingsText, toggledFavourites, type ResumeOffer, type SessionSettings } from './session-memory';

export type { Preferences, ResumeOffer, SessionRun, SessionSettings };

/** The on/off preferences. */
export type PreferenceFlag = 'captions' | 'tapVibrate' | 'stillVisuals' | 'quietBreaths';

/** What a session's screen needs before it opens: the place left unfinished, the last settings, the preferences. */
export interface SessionMemory {
  readonly resume: ResumeOffer | undefined;
  readonly remembered: SessionSettings | undefined;
  readonly preferences: Preferences;
}

/**
 * What Lull remembers between visits, on this device: where a session was left, the sessions
 * finished (with the moods given), favourites, and how the person likes their sessions.
 */
export class ContinuityService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
  ) {}

  preferences(): Promise<Preferences> {
    return this.store.run(async (db) => readPreferences(await getSettings(db, preferenceKeys, this.now())));
  }

  /** Everything a session's screen opens with, in one go. */
  sessionMemory(sessionId: string): Promise<SessionMemory> {
    return this.store.run(async (db) => {
      const now = this.now();
      await this.settlePending(db);
      const [kept, remembered, settings] = await Promise.all([
        getResumePosition(db, sessionId, now),
        getSetting(db, sessionSettingsKey(sessionId), now),
        getSettings(db, preferenceKeys, now),
      ]);
      return {
        resume: resumeOffer(kept, now),
        remembered: typeof remembered === 'string' ? readSessionQuery(new URLSearchParams(remembered)) : undefined,
        preferences: readPreferences(settings),
      };
    });
  }

  /** The sessions left unfinished in the last day, the most recent first. */
  async openOffers(): Promise<ResumeOffer[]> {
    return openOffers(
      await this.store.run(async (db) => {
        await this.settlePending(db);
        return listResumePositions(db, this.now());
      }),
      this.now(),
    );
  }

  keepPlace(sessionId: string, position: number, minutes: Minutes, choices: SessionChoices): Promise<void> {
    const kept = this.place(sessionId, position, minutes, choices);
    return this.store.run((db) => putResumePosition(db, kept));
  }

  /** The page is closing: the place is left where it is written at once, and moved into the database next time. */
  leavePlace(sessionId: string, position: number, minutes: Minutes, choices: SessionChoices): void {
    leavePendingPlace(this.place(sessionId, position, minutes, choices));
  }

  private place(sessionId: string, position: number, minutes: Minutes, choices: SessionChoices): ResumePosition {
    return { sessionId, positionSeconds: position, lengthMinutes: minutes, choices: { ...choices }, updatedAt: this.now() };
  }

  /** Places left by closed pages go into the database, where they are newer than what it has. */
  private async settlePending(db: LullDatabase): Promise<void> {
    const now = this.now();
    for (const place of takePendingPlaces(now)) {
      const stored = await getResumePosition(db, place.sessionId, now);
      if (!stored || stored.updatedAt < place.updatedAt) await putResumePosition(db, place);
    }
  }

  forgetPlace(sessionId: string): Promise<void> {
    return this.store.run((db) => clearResumePosition(db, sessionId));
  }

  rememberSettings(sessionId: string, settings: SessionSettings): Promise<void> {
    return this.store.run((db) => putSetting(db, sessionSettingsKey(sessionId), sessionSettingsText(settings)));
  }

  rememberVolume(bus: Bus, volume: number): Promise<void> {
    return this.store.run((db) => putSetting(db, volumeKeys[bus], Math.min(1, Math.max(0, volume))));
  }

  rememberFlag(flag: PreferenceFlag, on: boolean): Promise<void> {
    return this.store.run((db) => putSetting(db, settingKeys[flag], on));
  }

  /** Marks a session or breathing pattern as a favourite, or no longer; returns the favourites as they are now. */
  setFavourite(kind: 'sessions' | 'patterns', id: string, on: boolean): Promise<string[]> {
    const key = kind === 'sessions' ? settingKeys.favouriteSessions : settingKeys.favouritePatterns;
    return this.store.run(async (db) => {
      const current = readPreferences(await getSettings(db, [key], this.now()));
      const next = toggledFavourites(kind === 'sessions' ? current.favouriteSessions : current.favouritePatterns, id, on);
      await putSetting(db, key, next.join(' '));
      return next;
    });
  }

  /** Keeps a run (a new one, or the same run with its after-mood). */
  keepRun(run: SessionRun): Promise<void> {
    return this.store.run((db) => putSessionRun(db, run));
  }

  /** The after-mood of a kept run, given on its closing moment. */
  setMoodAfter(runId: string, moodAfter: number | null): Promise<void> {
    return this.store.run(async (db) => {
      const run = await getSessionRun(db, runId, this.now());
      if (run) await putSessionRun(db, { ...run, moodAfter });
    });
  }

  /** The sessions the person finished, newest first. */
  async finished(): Promise<SessionRun[]> {
    return (await this.store.run((db) => listSessionRuns(db, this.now()))).filter((run) => run.completed).reverse();
  }
}
