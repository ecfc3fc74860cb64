import { describe, expect, it } from 'vitest';
import { readDataMessage } from '../../src/services/data-channel';

describe('messages between windows', () => {
  it('reads the messages windows send each other', () => {
    expect(readDataMessage({ type: 'writing-saved', store: 'letters', id: 'l-1', revision: 3 })).toEqual({ type: 'writing-saved', store: 'letters', id: 'l-1', revision: 3 });
    expect(readDataMessage({ type: 'writing-deleted', store: 'journal', id: 'j-1', extra: true })).toEqual({ type: 'writing-deleted', store: 'journal', id: 'j-1' });
    expect(readDataMessage({ type: 'imported' })).toEqual({ type: 'imported' });
  });

  it('ignores anything else: another store, a broken revision, a stray value', () => {
    for (const value of [
      { type: 'writing-saved', store: 'recordings', id: 'r', revision: 1 },
      { type: 'writing-saved', store: 'journal', id: 'j', revision: 0 },
      { type: 'writing-saved', store: 'journal', id: 'j', revision: 1.5 },
      { type: 'writing-deleted', store: 'journal' },
      { type: 'reload' },
      'imported',
      null,
    ]) {
      expect(readDataMessage(value)).toBeUndefined();
    }
  });
});
