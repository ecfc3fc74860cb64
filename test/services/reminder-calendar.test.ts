import { describe, expect, it } from 'vitest';
import { parseTimeOfDay, reminderCalendar, type ReminderEvent } from '../../src/services/reminder-calendar';

const event: ReminderEvent = {
  firstDay: { year: 2026, month: 11, day: 28 },
  hours: 8,
  minutes: 5,
  url: 'https://lull.example/check-in',
  uid: 'reminder-1@lull',
  stamp: new Date(Date.UTC(2026, 10, 27, 9, 30, 15, 250)),
};

/** Undoes line folding, then reads NAME:VALUE pairs (the first of each name: the event's, not its alert's). */
function properties(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.replace(/\r\n /gu, '').split('\r\n').filter(Boolean)) {
    const name = line.slice(0, line.indexOf(':'));
    if (!fields.has(name)) fields.set(name, line.slice(line.indexOf(':') + 1));
  }
  return fields;
}

describe('the daily reminder', () => {
  it('reads a time of day, and says what is wrong with one it cannot', () => {
    expect(parseTimeOfDay('07:30')).toEqual({ ok: true, hours: 7, minutes: 30, time: '07:30' });
    expect(parseTimeOfDay(' 23:59 ')).toMatchObject({ ok: true, time: '23:59' });
    for (const bad of ['24:00', '7:30', '07:60', 'noon', '']) {
      const parsed = parseTimeOfDay(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('like 08:30');
    }
  });

  it('repeats every day at the chosen local time, with an alert as it begins', () => {
    const text = reminderCalendar(event);
    const fields = properties(text);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(fields.get('DTSTART')).toBe('20261128T080500');
    expect(fields.get('RRULE')).toBe('FREQ=DAILY');
    expect(fields.get('DTSTAMP')).toBe('20261127T093015Z');
    expect(fields.get('UID')).toBe('reminder-1@lull');
    expect(fields.get('ACTION')).toBe('DISPLAY');
    expect(fields.get('TRIGGER')).toBe('PT0M');
    expect(fields.get('URL')).toBe('https://lull.example/check-in');
    expect(text.match(/^BEGIN:VEVENT$/gmu)).toHaveLength(1);
  });

  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    const text = reminderCalendar({ ...event, url: `https://lull.example/check-in?note=${'ü'.repeat(80)}` });
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    const description = properties(text).get('DESCRIPTION') ?? '';
    expect(description).toContain('if you feel like it today. There is nothing to keep up and no streak to break.\\nhttps://lull.example/check-in?note=ü');
    expect(description).not.toMatch(/[^\\][,;]/u);
  });
});
