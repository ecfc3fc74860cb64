import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock';
import { FrozenClockWatch } from '../../src/engine/clock-watch';

describe('watching the audio clock', () => {
  it('calls a clock frozen once it has stood still for longer than allowed, and not before', () => {
    const audio = new ManualClock(10);
    const wall = new ManualClock(100);
    const watch = new FrozenClockWatch(audio, wall, 1.5);
    watch.restart();
    wall.advance(1.4);
    expect(watch.isFrozen()).toBe(false);
    wall.advance(0.2);
    expect(watch.isFrozen()).toBe(true);
  });

  it('is never frozen while the clock moves, however slowly the page looks', () => {
    const audio = new ManualClock(0);
    const wall = new ManualClock(0);
    const watch = new FrozenClockWatch(audio, wall, 1.5);
    watch.restart();
    for (let look = 0; look < 20; look += 1) {
      wall.advance(1);
      audio.advance(0.003);
      expect(watch.isFrozen()).toBe(false);
    }
  });

  it('starts afresh on restart, so a long pause is not taken for a frozen clock', () => {
    const audio = new ManualClock(0);
    const wall = new ManualClock(0);
    const watch = new FrozenClockWatch(audio, wall, 1.5);
    watch.restart();
    wall.advance(600);
    watch.restart();
    expect(watch.isFrozen()).toBe(false);
  });
});
