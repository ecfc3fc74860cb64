import { describe, expect, it } from 'vitest';
import { readBackupValue, writeBackupText } from '../../src/storage/backup-file';
import type { BackupData } from '../../src/storage/backup-format';
import { takePendingPlaces } from '../../src/storage/pending-places';
import { readStoredResume, readStoredRun } from '../../src/storage/session-memory-rules';

const now = 1_790_000_000_000;
const empty: BackupData = {
  exportedAt: now - 1000,
  settings: [],
  journal: [],
  letters: [],
  recordings: [],
  checkIns: [],
  sessionHistory: [],
  resumePositions: [],
  breathPatterns: [],
  supportContacts: [],
  madeSessions: [],
};

describe('stored places and runs', () => {
  it('reads a place kept before places had choices as one with the defaults', () => {
    expect(readStoredResume({ sessionId: 'safe-space', positionSeconds: 12, lengthMinutes: 9, updatedAt: now - 10 }, now)).toEqual({
      sessionId: 'safe-space',
      positionSeconds: 12,
      lengthMinutes: 9,
      choices: {},
      updatedAt: now - 10,
    });
  });

  it('reads a run kept before runs had moods as one whose moods were not answered', () => {
    const run = { id: 'r', sessionId: 'check-in', startedAt: now - 9000, endedAt: now - 10, lengthMinutes: 3, completed: true };
    expect(readStoredRun(run, now)).toEqual({ ...run, moodBefore: null, moodAfter: null });
  });

  it('leaves out a place whose choices are not ids, or that names a prototype', () => {
    const base = { sessionId: 'safe-space', positionSeconds: 12, lengthMinutes: 9, updatedAt: now - 10 };
    expect(readStoredResume({ ...base, choices: { place: '<script>' } }, now)).toBeUndefined();
    expect(readStoredResume({ ...base, choices: JSON.parse('{"__proto__": "x"}') as unknown }, now)).toBeUndefined();
    expect(readStoredResume({ ...base, choices: ['forest'] }, now)).toBeUndefined();
  });
});

describe('backup format 3', () => {
  it('reads a format-2 file: its runs gain unanswered moods, its places the default choices', () => {
    const file = {
      ...(JSON.parse(writeBackupText(empty)) as Record<string, unknown>),
      version: 2,
      sessionHistory: [{ id: 'r', sessionId: 'check-in', startedAt: now - 9000, endedAt: now - 10, lengthMinutes: 3, completed: true }],
      resumePositions: [{ sessionId: 'safe-space', positionSeconds: 42.5, lengthMinutes: 9, updatedAt: now - 20 }],
    };
    const read = readBackupValue(file, now);
    expect(read.ok && read.data.sessionHistory).toEqual([{ id: 'r', sessionId: 'check-in', startedAt: now - 9000, endedAt: now - 10, lengthMinutes: 3, completed: true, moodBefore: null, moodAfter: null }]);
    expect(read.ok && read.data.resumePositions).toEqual([{ sessionId: 'safe-space', positionSeconds: 42.5, lengthMinutes: 9, choices: {}, updatedAt: now - 20 }]);
  });

  it('asks a format-3 file for the moods and choices it must have', () => {
    const file = {
      ...(JSON.parse(writeBackupText(empty)) as Record<string, unknown>),
      resumePositions: [{ sessionId: 'safe-space', positionSeconds: 42.5, lengthMinutes: 9, updatedAt: now - 20 }],
    };
    const read = readBackupValue(file, now);
    expect(read.ok ? [] : read.problems.map((problem) => problem.message)).toEqual(['resumePositions[0].choices: is missing']);
  });

  it('writes places with their choices and runs with their moods, and reads them back the same', () => {
    const data: BackupData = {
      ...empty,
      sessionHistory: [{ id: 'r', sessionId: 'check-in', startedAt: now - 9000, endedAt: now - 10, lengthMinutes: 3, completed: true, moodBefore: 2, moodAfter: 4 }],
      resumePositions: [{ sessionId: 'safe-space', positionSeconds: 42.5, lengthMinutes: 9, choices: { place: 'forest' }, updatedAt: now - 20 }],
    };
    expect(readBackupValue(JSON.parse(writeBackupText(data)), now)).toEqual({ ok: true, data });
  });
});

describe('places left by a closing page', () => {
  it('are taken once, by the same rules as the database’s, and anything else stored is left alone', () => {
    const stored = new Map<string, string>([
      ['lull-pending-place:safe-space', JSON.stringify({ sessionId: 'safe-space', positionSeconds: 61.3, lengthMinutes: 9, choices: { place: 'forest' }, updatedAt: now - 5 })],
      ['lull-pending-place:broken', '{not json'],
      ['lull-pending-place:wrong', JSON.stringify({ sessionId: 'wrong', positionSeconds: -4 })],
      ['something-else', 'kept'],
    ]);
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      removeItem: (key: string) => void stored.delete(key),
      setItem: (key: string, value: string) => void stored.set(key, value),
    };
    const keys = () => Object.fromEntries([...stored.keys()].map((key) => [key, true]));
    const proxy = new Proxy(storage, { ownKeys: () => Object.keys(keys()), getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) });
    Object.defineProperty(globalThis, 'localStorage', { value: proxy, configurable: true });
    try {
      expect(takePendingPlaces(now)).toEqual([{ sessionId: 'safe-space', positionSeconds: 61.3, lengthMinutes: 9, choices: { place: 'forest' }, updatedAt: now - 5 }]);
      expect([...stored.keys()]).toEqual(['something-else']);
      expect(takePendingPlaces(now)).toEqual([]);
    } finally {
      Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });
});
