import type { Bus } from '../engine/audio-port';
import type { SettingValue } from '../storage/schema';
import { settingKeys } from '../storage/setting-rules';
import { readFavourites } from './session-memory';

/** What Lull remembers of how the person likes their sessions. */
export interface Preferences {
  readonly volumes: Readonly<Record<Bus, number>>;
  readonly captions: boolean;
  readonly tapVibrate: boolean;
  /** The visuals stay still, whatever the device's own motion setting says. */
  readonly stillVisuals: boolean;
  /** Breath cues that thin out to tones fall silent after them. */
  readonly quietBreaths: boolean;
  readonly favouriteSessions: readonly string[];
  readonly favouritePatterns: readonly string[];
}

export const defaultPreferences: Preferences = {
  volumes: { voice: 1, ambience: 1, cues: 1 },
  captions: true,
  tapVibrate: false,
  stillVisuals: false,
  quietBreaths: false,
  favouriteSessions: [],
  favouritePatterns: [],
};

/** Where each volume is kept. */
export const volumeKeys: Readonly<Record<Bus, string>> = { voice: settingKeys.voiceVolume, ambience: settingKeys.ambienceVolume, cues: settingKeys.cuesVolume };

/** Every setting the preferences are read from. */
export const preferenceKeys: readonly string[] = [
  ...Object.values(volumeKeys),
  settingKeys.captions,
  settingKeys.tapVibrate,
  settingKeys.stillVisuals,
  settingKeys.quietBreaths,
  settingKeys.favouriteSessions,
  settingKeys.favouritePatterns,
];

const volumeOr = (value: SettingValue | undefined, fallback: number) => (typeof value === 'number' && value >= 0 && value <= 1 ? value : fallback);
const flagOr = (value: SettingValue | undefined, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/** The preferences from stored settings: each one kept where it fits, the default where it is missing or does not. */
export function readPreferences(stored: ReadonlyMap<string, SettingValue>): Preferences {
  const defaults = defaultPreferences;
  return {
    volumes: {
      voice: volumeOr(stored.get(volumeKeys.voice), defaults.volumes.voice),
      ambience: volumeOr(stored.get(volumeKeys.ambience), defaults.volumes.ambience),
      cues: volumeOr(stored.get(volumeKeys.cues), defaults.volumes.cues),
    },
    captions: flagOr(stored.get(settingKeys.captions), defaults.captions),
    tapVibrate: flagOr(stored.get(settingKeys.tapVibrate), defaults.tapVibrate),
    stillVisuals: flagOr(stored.get(settingKeys.stillVisuals), defaults.stillVisuals),
    quietBreaths: flagOr(stored.get(settingKeys.quietBreaths), defaults.quietBreaths),
    favouriteSessions: readFavourites(stored.get(settingKeys.favouriteSessions)),
    favouritePatterns: readFavourites(stored.get(settingKeys.favouritePatterns)),
  };
}
