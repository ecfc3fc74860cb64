import { timeOfDayPattern } from '../storage/setting-rules';

/**
 * A daily reminder as a calendar file (iCalendar, RFC 5545). Lull has no server, and the web has
 * no way to wake an offline app at a set time, so the person's own calendar does the reminding:
 * it alerts at that local time every day, wherever they are, with or without a connection.
 */

/** A time of day as the person chose it, "HH:MM" in 24 hours. */
export type TimeOfDay = `${number}:${number}`;

/** Reads "HH:MM" (24 hours), or says what is wrong with it. */
export function parseTimeOfDay(text: string): { ok: true; hours: number; minutes: number; time: TimeOfDay } | { ok: false; message: string } {
  const match = timeOfDayPattern.exec(text.trim());
  if (!match) return { ok: false, message: `“${text}” is not a time of day; give it as hours and minutes, like 08:30 or 21:00.` };
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return { ok: true, hours, minutes, time: `${pad(hours)}:${pad(minutes)}` as TimeOfDay };
}

export interface ReminderEvent {
  /** When the first reminder sounds: a local date and the chosen time, with no time zone. */
  readonly firstDay: { readonly year: number; readonly month: number; readonly day: number };
  readonly hours: number;
  readonly minutes: number;
  /** Where the reminder leads: the app's check-in. */
  readonly url: string;
  /** Stays the same for one person's reminder, so adding the file again replaces it. */
  readonly uid: string;
  /** When the file was made (UTC). */
  readonly stamp: Date;
}

const summary = 'A moment for yourself';
const description = 'A short check-in with Lull, if you feel like it today. There is nothing to keep up and no streak to break.';

/** The calendar file: one event of five minutes, every day, with an alert as it begins. */
export function reminderCalendar(event: ReminderEvent): string {
  const { year, month, day } = event.firstDay;
  const start = `${pad(year, 4)}${pad(month)}${pad(day)}T${pad(event.hours)}${pad(event.minutes)}00`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lull//Daily reminder//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    // A floating time (no zone): the reminder keeps to the person's own clock when they travel.
    `DTSTART:${start}`,
    'DURATION:PT5M',
    'RRULE:FREQ=DAILY',
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(`${description}\n${event.url}`)}`,
    `URL:${event.url}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0M',
    `DESCRIPTION:${escapeText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/gu, '').replace(/\.\d{3}/u, '');
}

/** Text values escape backslashes, semicolons, commas and line breaks. */
function escapeText(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/;/gu, '\\;').replace(/,/gu, '\\,').replace(/\r?\n/gu, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
