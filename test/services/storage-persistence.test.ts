import { describe, expect, it } from 'vitest';
import { StoragePersistence } from '../../src/services/storage-persistence';

const storageAnswering = (persisted: boolean, persist: boolean | Error) => {
  const calls: string[] = [];
  const storage = {
    persisted: () => {
      calls.push('persisted');
      return Promise.resolve(persisted);
    },
    persist: () => {
      calls.push('persist');
      return persist instanceof Error ? Promise.reject(persist) : Promise.resolve(persist);
    },
  } as Pick<StorageManager, 'persisted' | 'persist'> as StorageManager; // Only the two methods this class calls.
  return { storage, calls };
};

describe('asking the browser to keep the storage', () => {
  it('asks once per page, and is kept when the browser already keeps it', async () => {
    const { storage, calls } = storageAnswering(true, false);
    const persistence = new StoragePersistence(storage);
    await Promise.all([persistence.ensure(), persistence.ensure()]);
    expect(persistence.state).toBe('kept');
    expect(calls).toEqual(['persisted']);
  });

  it('is at risk when the browser refuses, or cannot answer, or has no storage manager', async () => {
    for (const persistence of [
      new StoragePersistence(storageAnswering(false, false).storage),
      new StoragePersistence(storageAnswering(false, new Error('no')).storage),
      new StoragePersistence(undefined),
    ]) {
      const heard: string[] = [];
      persistence.subscribe(() => heard.push(persistence.state));
      await persistence.ensure();
      expect(persistence.state).toBe('at-risk');
      expect(heard).toEqual(['at-risk']);
    }
  });
});
