import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultNarrator } from '../../src/engine/narrators';
import { DataStore } from '../../src/services/data-store';
import { savedNarrator, saveNarrator } from '../../src/services/narrator-choice';
import { settingKeys } from '../../src/storage/setting-rules';
import { putSetting } from '../../src/storage/settings';
import { freshName } from '../storage/db-fixtures';

describe('the narrator choice', () => {
  it('is the default narrator until the person chooses one, then the one they chose', async () => {
    const store = new DataStore(freshName('narrator'));
    expect(await savedNarrator(store)).toBe(defaultNarrator);
    await saveNarrator(store, 'rms');
    expect(await savedNarrator(new DataStore(store.databaseName))).toBe('rms');
  });

  it('falls back to the default narrator when the stored one is not known', async () => {
    const store = new DataStore(freshName('narrator-unknown'));
    await store.run((db) => putSetting(db, settingKeys.narrator, 'nobody'));
    expect(await savedNarrator(store)).toBe(defaultNarrator);
  });
});
