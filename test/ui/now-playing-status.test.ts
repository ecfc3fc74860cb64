import { describe, expect, it } from 'vitest';
import { nowPlayingStatus } from '../../src/ui/shared/format';

describe('the now-playing bar’s line', () => {
  it('says where the session is and what it is doing', () => {
    expect(nowPlayingStatus('playing', 252.4, 540)).toBe('4:12 of 9:00');
    expect(nowPlayingStatus('paused', 61, 540)).toBe('Paused at 1:01 of 9:00');
    expect(nowPlayingStatus('waiting', 90, 540)).toBe('Waiting for you at 1:30');
    expect(nowPlayingStatus('ended', 540, 540)).toBe('Finished');
  });
});
