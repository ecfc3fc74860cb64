import { listCheckIns, putCheckIn } from '../storage/check-ins';
import type { CheckIn } from '../storage/schema';
import type { DataStore } from './data-store';

export type { CheckIn };

/** A mood from 1 (very heavy) to 5 (very light); `null` when the person skipped the question. */
export type Mood = 1 | 2 | 3 | 4 | 5;

export const moods: readonly Mood[] = [1, 2, 3, 4, 5];

/** How a person felt before and after a session, kept on this device: a gentle history, no streaks. */
export class CheckInService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Newest first. */
  async list(): Promise<CheckIn[]> {
    return (await this.store.run((db) => listCheckIns(db, this.now()))).reverse();
  }

  async save(moodBefore: Mood | null, moodAfter: Mood | null, feeling = '', need = ''): Promise<CheckIn> {
    const checkIn: CheckIn = { id: crypto.randomUUID(), at: this.now(), moodBefore, moodAfter, feeling, need };
    await this.store.run((db) => putCheckIn(db, checkIn));
    return checkIn;
  }

  /** A saved check-in with a changed answer (the person picked another mood): kept in its place, not added again. */
  async update(checkIn: CheckIn): Promise<CheckIn> {
    await this.store.run((db) => putCheckIn(db, checkIn));
    return checkIn;
  }
}
