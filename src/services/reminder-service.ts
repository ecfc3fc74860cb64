import { settingKeys } from '../storage/setting-rules';
import { getSetting, putSetting } from '../storage/settings';
import type { DataStore } from './data-store';
import { parseTimeOfDay, reminderCalendar, type TimeOfDay } from './reminder-calendar';

/**
 * The daily check-in reminder the person sets themselves: the time is kept on the device, and
 * their calendar does the reminding (see `reminder-calendar.ts`).
 */
export class ReminderService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The chosen time, or `null` when there is none (or what is stored is not a time). */
  async time(): Promise<TimeOfDay | null> {
    const value = await this.store.run((db) => getSetting(db, settingKeys.reminderTime));
    if (typeof value !== 'string') return null;
    const parsed = parseTimeOfDay(value);
    return parsed.ok ? parsed.time : null;
  }

  async setTime(time: TimeOfDay | null): Promise<void> {
    await this.store.run((db) => putSetting(db, settingKeys.reminderTime, time));
  }

  /**
   * The calendar file for `time`, starting today if that time is still ahead, else tomorrow.
   * `checkInUrl` is where the reminder leads; `uid` stays the same for this device's reminder.
   */
  calendarFile(time: TimeOfDay, checkInUrl: string, uid: string): File {
    const parsed = parseTimeOfDay(time);
    if (!parsed.ok) throw new Error(parsed.message);
    const now = this.now();
    const first = new Date(now.getFullYear(), now.getMonth(), now.getDate(), parsed.hours, parsed.minutes);
    if (first.getTime() <= now.getTime()) first.setDate(first.getDate() + 1);
    const text = reminderCalendar({
      firstDay: { year: first.getFullYear(), month: first.getMonth() + 1, day: first.getDate() },
      hours: parsed.hours,
      minutes: parsed.minutes,
      url: checkInUrl,
      uid,
      stamp: now,
    });
    return new File([text], 'lull-daily-check-in.ics', { type: 'text/calendar' });
  }
}
