import { accepted, boolean, invalid, nullable, numberIn, record, scalar, text, type Rule } from './read-rules';
import type { EpochMilliseconds, Setting, SettingValue } from './schema';
import { timeRule } from './time-rules';

/** The settings Lull itself keeps, by key. */
export const settingKeys = {
  /** When the last export was made. */
  lastBackup: 'lastBackupAt',
  /** The pacer's last choice, as a link's query (`pattern=box&minutes=5&cue=tone`). */
  pacerChoice: 'pacerChoice',
  /** Whether the pacer pulses at each change of breath. */
  pacerVibrate: 'pacerVibrate',
  /** The daily check-in reminder's time of day, or null for none. */
  reminderTime: 'checkInReminderTime',
  /** Whether the person was told how to keep their words where the browser may clear them. */
  keepWordsTold: 'keepWordsTold',
  /** The voice the person chose to narrate sessions (a narrator id such as "slt"). */
  narrator: 'narrator',
  /** Volumes of a session's voice, ambience and cues, from 0 to 1. */
  voiceVolume: 'voiceVolume',
  ambienceVolume: 'ambienceVolume',
  cuesVolume: 'cuesVolume',
  /** Whether a session shows its captions. */
  captions: 'captions',
  /** Whether butterfly taps vibrate where the device can. */
  tapVibrate: 'tapVibrate',
  /** Whether the visuals stay still whatever the device's motion setting says. */
  stillVisuals: 'stillVisuals',
  /** Whether breath cues that thin out to tones fall silent after them. */
  quietBreaths: 'quietBreaths',
  /** The person's favourite sessions and breathing patterns: ids separated by spaces. */
  favouriteSessions: 'favouriteSessions',
  favouritePatterns: 'favouritePatterns',
} as const;

/** The key of one session's remembered length and choices, as a link's query (`minutes=10&place=forest`). */
export const sessionSettingsKey = (sessionId: string): string => `session.${sessionId}`;

/** A time of day, "HH:MM" in 24 hours: what the reminder form accepts and what it stores. */
export const timeOfDayPattern = /^([01]\d|2[0-3]):([0-5]\d)$/u;

const settingKey = text(64, { regex: /^[A-Za-z][\w.-]*$/u, expected: 'a setting name: a letter, then letters, digits, ".", "-" or "_" (64 at most)' });

/** Any other setting: one plain scalar, kept as it is (a newer Lull may know what it means). */
const anyValue = scalar(
  'text of at most 10000 characters, a number, true, false or null',
  (value): value is SettingValue =>
    value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 10_000),
);

function valueRule(key: string, now: EpochMilliseconds): Rule<SettingValue> {
  switch (key) {
    case settingKeys.lastBackup:
      return timeRule(now);
    case settingKeys.pacerChoice:
      return text(500);
    case settingKeys.pacerVibrate:
    case settingKeys.keepWordsTold:
    case settingKeys.captions:
    case settingKeys.tapVibrate:
    case settingKeys.stillVisuals:
    case settingKeys.quietBreaths:
      return boolean;
    case settingKeys.narrator:
      return text(16, { regex: /^[a-z0-9]+$/u, expected: 'a narrator name such as "slt"' });
    case settingKeys.voiceVolume:
    case settingKeys.ambienceVolume:
    case settingKeys.cuesVolume:
      return numberIn(0, 1);
    case settingKeys.favouriteSessions:
    case settingKeys.favouritePatterns:
      return text(10_000);
    case settingKeys.reminderTime:
      return nullable(text(5, { regex: timeOfDayPattern, expected: 'a time of day such as "08:30"' }));
    default:
      return key.startsWith('session.') ? text(500) : anyValue;
  }
}

/** A setting in a backup: a key, and a value that fits what Lull keeps under that key. */
export function settingRule(now: EpochMilliseconds): Rule<Setting> {
  const shape = record('a setting', { key: settingKey, value: anyValue });
  return {
    expected: shape.expected,
    read(value, at, problems) {
      const setting = shape.read(value, at, problems);
      if (setting === invalid) return invalid;
      const rule = valueRule(setting.key, now);
      const checked = rule.read(setting.value, at ? `${at}.value` : 'value', problems);
      return checked === invalid ? invalid : { key: setting.key, value: checked };
    },
  };
}

/** A stored setting's value, or undefined when it does not fit its key (the app then uses its default). */
export function readStoredSetting(key: string, value: unknown, now: EpochMilliseconds): SettingValue | undefined {
  return accepted(valueRule(key, now), value);
}
