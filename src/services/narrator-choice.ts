import { defaultNarrator, isNarratorId, narratorShortNames, type NarratorId } from '../engine/narrators';
import { settingKeys } from '../storage/setting-rules';
import { getSetting, putSetting } from '../storage/settings';
import type { DataStore } from './data-store';

/** A narrator as a choice in the player: "A woman". */
export function narratorChoiceName(narrator: NarratorId): string {
  return narratorShortNames[narrator];
}

/** The narrator the person chose last time; the default one when none was chosen or it cannot be read. */
export async function savedNarrator(store: DataStore): Promise<NarratorId> {
  try {
    const value = await store.run((db) => getSetting(db, settingKeys.narrator));
    return isNarratorId(value) ? value : defaultNarrator;
  } catch {
    return defaultNarrator;
  }
}

/** Remembers the person's narrator for every later session; a failure to store it only means it is asked again. */
export async function saveNarrator(store: DataStore, narrator: NarratorId): Promise<void> {
  try {
    await store.run((db) => putSetting(db, settingKeys.narrator, narrator));
  } catch {
    // The choice still holds for this session.
  }
}
