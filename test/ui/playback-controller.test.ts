import type { ReactiveControllerHost } from 'lit';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeTimes, nextTimeAfter } from '../../src/engine/timeline-queries';
import { NowPlaying } from '../../src/services/now-playing';
import { SessionPlayer } from '../../src/services/session-player';
import type { SessionPack } from '../../src/services/session-pack';
import { PlaybackController } from '../../src/ui/player/playback-controller';
import { sessionMoment } from '../../src/ui/player/shown-moment';
import { FakeOutput, fakeSurroundings, shippedPack } from '../helpers/fake-session-output';

/** A screen that counts its redraws, and where the session was at each (`at`, read from the player). */
function countingHost(at: () => number) {
  const redraws: number[] = [];
  const host: ReactiveControllerHost = {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => redraws.push(at()),
    updateComplete: Promise.resolve(true),
  };
  return { host, redraws };
}

let pack: SessionPack;
/** Animation frames asked for: each one is a look at the position. */
let frames = 0;
beforeAll(async () => {
  pack = await shippedPack('butterfly-hug');
});

beforeEach(() => {
  // Node has no animation frames: one comes 16 ms after it is asked for, on the fake clock.
  frames = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames += 1;
    return setTimeout(() => callback(Date.now()), 16) as unknown as number;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => clearTimeout(handle));
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A butterfly-hug player on a fake output whose audio clock is the fake wall clock, kept by the app so the controller takes it. */
async function openedOnScreen() {
  const output = new FakeOutput(() => Date.now() / 1000);
  const player = SessionPlayer.assemble(pack, output, {}, fakeSurroundings().surroundings);
  const nowPlaying = new NowPlaying();
  const close = vi.fn();
  nowPlaying.take({ key: 'butterfly-hug', href: '/session/butterfly-hug', title: pack.title, player, close });
  const { host, redraws } = countingHost(() => player.position());
  const controller = new PlaybackController(host, () => ({ id: 'butterfly-hug' }), () => ({ nowPlaying, key: 'butterfly-hug', keep: () => { throw new Error('already kept'); } }), sessionMoment, changeTimes);
  controller.hostUpdate();
  await vi.advanceTimersByTimeAsync(0);
  output.answerAsked();
  await vi.advanceTimersByTimeAsync(0);
  return { player, controller, redraws, nowPlaying, close };
}

describe('the playback controller', () => {
  it('shows the session the app keeps playing, and redraws only at its changes and each new second', async () => {
    const { player, controller, redraws } = await openedOnScreen();
    expect(controller.status).toEqual({ kind: 'open', player });
    await player.play();
    const from = player.position();
    redraws.length = 0;
    frames = 0;
    await vi.advanceTimersByTimeAsync(60_000);
    const to = player.position();
    const times = changeTimes(player.currentPlan).filter((time) => time > from && time <= to);
    const seconds = Math.floor(to) - Math.floor(from);
    // At most one look and one redraw per change or second (a few fall together), far fewer than a frame's worth.
    expect(frames).toBeLessThanOrEqual(times.length + seconds + 1);
    expect(redraws.length).toBeLessThanOrEqual(times.length + seconds);
    expect(redraws.length).toBeGreaterThanOrEqual(seconds);
    // Every change is drawn within a frame and a little of it happening.
    for (const time of times) {
      const drawn = redraws.find((position) => position >= time - 1e-9);
      expect(drawn === undefined ? Number.POSITIVE_INFINITY : drawn - time, `the change at ${String(time)} s`).toBeLessThan(0.025);
    }
  });

  it('draws at once where a seek lands, and then at the changes from there', async () => {
    const { player, redraws } = await openedOnScreen();
    await player.play();
    await vi.advanceTimersByTimeAsync(2_000);
    const target = 100.25;
    player.seek(target);
    expect(redraws.at(-1)).toBe(target);
    const next = Math.min(nextTimeAfter(changeTimes(player.currentPlan), target) ?? Number.POSITIVE_INFINITY, 101);
    redraws.length = 0;
    await vi.advanceTimersByTimeAsync((next - target) * 1000 + 40);
    expect(redraws.length).toBeGreaterThanOrEqual(1);
  });

  it('stops looking while paused, and hands a kept session back to the app when the screen closes', async () => {
    const { player, controller, redraws, nowPlaying, close } = await openedOnScreen();
    await player.play();
    await vi.advanceTimersByTimeAsync(1_000);
    player.pause();
    redraws.length = 0;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(redraws).toEqual([]);
    controller.hostDisconnected();
    // It still plays on for the app (paused here): the screen does not dispose of it.
    expect(nowPlaying.holds(player)).toBe(true);
    expect(close).not.toHaveBeenCalled();
    expect(controller.status).toEqual({ kind: 'loading' });
  });
});
