import { describe, expect, it } from 'vitest';
import { isWriting, recentTypingMs, stillFocusedMs } from '../../src/ui/player/writing-hold-controller';

describe('whether the person is writing', () => {
  it('counts focus in the box as writing, until it has sat there untouched for a long while', () => {
    const focused = { focused: true, lastActivityAt: 1000, lastInputAt: undefined };
    expect(isWriting(focused, 1000)).toBe(true);
    expect(isWriting(focused, 1000 + stillFocusedMs - 1)).toBe(true);
    expect(isWriting(focused, 1000 + stillFocusedMs)).toBe(false);
  });

  it('counts a keystroke in the last few seconds as writing, even after the box lost focus', () => {
    const typed = { focused: false, lastActivityAt: 5000, lastInputAt: 5000 };
    expect(isWriting(typed, 5000 + recentTypingMs - 1)).toBe(true);
    expect(isWriting(typed, 5000 + recentTypingMs)).toBe(false);
  });

  it('is not writing before the box was ever touched', () => {
    expect(isWriting({ focused: false, lastActivityAt: undefined, lastInputAt: undefined }, 0)).toBe(false);
  });
});
