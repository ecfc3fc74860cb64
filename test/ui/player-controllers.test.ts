import type { ReactiveControllerHost } from 'lit';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEvent } from '../../src/engine/timeline';
import type { SessionPack } from '../../src/services/session-pack';
import { SessionPlayer } from '../../src/services/session-player';
import { PlayerFollowController } from '../../src/ui/player/player-follow-controller';
import { TapVibrationController } from '../../src/ui/player/tap-vibration-controller';
import { recentTypingMs, stillFocusedMs, WritingHoldController } from '../../src/ui/player/writing-hold-controller';
import { FakeOutput, fakeSurroundings, shippedPack } from '../helpers/fake-session-output';

type PromptEvent = Extract<TimelineEvent, { kind: 'prompt' }>;

/** A screen that counts the redraws its controllers ask for. */
function countingHost() {
  const host = {
    redraws: 0,
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => {
      host.redraws += 1;
    },
    updateComplete: Promise.resolve(true),
  } satisfies ReactiveControllerHost & { redraws: number };
  return host;
}

const packs = new Map<string, SessionPack>();
beforeAll(async () => {
  for (const id of ['five-questions', 'butterfly-hug']) packs.set(id, await shippedPack(id));
});

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A player of a shipped session whose audio clock is the fake wall clock, its sounds ready. */
async function readyPlayer(id: string) {
  const pack = packs.get(id);
  if (!pack) throw new Error(`no pack ${id}`);
  const output = new FakeOutput(() => Date.now() / 1000);
  const { record, surroundings } = fakeSurroundings();
  const player = SessionPlayer.assemble(pack, output, {}, surroundings);
  // The page's ticker, which looks at the clock (and so at holds and waits) a few times a second.
  setInterval(() => record.tick(), 250);
  await vi.advanceTimersByTimeAsync(0);
  output.answerAsked();
  await vi.advanceTimersByTimeAsync(0);
  return player;
}

describe('the follow controller (now-playing bar)', () => {
  it('redraws at each change and once a second while playing, and not at all while paused', async () => {
    const player = await readyPlayer('butterfly-hug');
    const host = countingHost();
    const follow = new PlayerFollowController(host, () => player);
    follow.hostConnected();
    follow.hostUpdate();
    await player.play();
    host.redraws = 0;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(host.redraws).toBeGreaterThanOrEqual(10);
    expect(host.redraws).toBeLessThanOrEqual(12);
    expect(follow.position()).toBeCloseTo(player.position(), 6);

    player.pause();
    const afterPause = host.redraws;
    expect(afterPause).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(host.redraws).toBe(afterPause);
  });

  it('lets go of the player when its element leaves the page, and follows a new one', async () => {
    const first = await readyPlayer('butterfly-hug');
    const second = await readyPlayer('butterfly-hug');
    let followed = first;
    const host = countingHost();
    const follow = new PlayerFollowController(host, () => followed);
    follow.hostConnected();
    follow.hostUpdate();
    await first.play();
    follow.hostDisconnected();
    host.redraws = 0;
    await vi.advanceTimersByTimeAsync(5_000);
    first.pause();
    expect(host.redraws).toBe(0);
    expect(follow.position()).toBe(0);

    followed = second;
    follow.hostConnected();
    follow.hostUpdate();
    await second.play();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(host.redraws).toBeGreaterThanOrEqual(3);
    expect(follow.position()).toBeCloseTo(second.position(), 6);
  });
});

describe('the writing hold controller', () => {
  /** Five questions playing inside its first writing window, with a controller that reads it. */
  async function writingInFirstWindow() {
    const player = await readyPlayer('five-questions');
    const prompt = player.currentPlan.events.find((event): event is PromptEvent => event.kind === 'prompt' && event.writing !== null && !event.waits);
    if (!prompt) throw new Error('five questions has a timed writing window');
    await player.play(prompt.at + 1);
    const host = countingHost();
    const hold = new WritingHoldController(host, () => ({ player, position: player.position() }));
    return { player, prompt, hold, host };
  }

  it('holds the session at the end of the window while the person types, and goes on once they stop', async () => {
    const { player, prompt, hold } = await writingInFirstWindow();
    const end = prompt.at + prompt.duration;
    hold.focus(prompt);
    hold.input();
    expect(player.writingHold).toBe(end);

    // They keep writing past the end of the window: the session waits there and says so.
    const typing = setInterval(() => hold.input(), 2_000);
    await vi.advanceTimersByTimeAsync((end - player.position()) * 1000 + 5_000);
    expect(player.state).toBe('waiting');
    expect(hold.waitingForWriting).toBe(true);
    expect(player.position()).toBeCloseTo(end, 3);

    // They stop and leave the box: within the few seconds typing still counts (and a look each second), it goes on.
    clearInterval(typing);
    hold.blur();
    expect(player.writingHold).toBe(end);
    await vi.advanceTimersByTimeAsync(recentTypingMs + 1_000);
    expect(player.writingHold).toBeUndefined();
    expect(player.state).toBe('playing');
    expect(hold.waitingForWriting).toBe(false);
  });

  it('goes on by itself when the box keeps focus but nothing is typed for a long while', async () => {
    const { player, prompt, hold } = await writingInFirstWindow();
    hold.focus(prompt);
    expect(player.writingHold).toBe(prompt.at + prompt.duration);
    await vi.advanceTimersByTimeAsync(stillFocusedMs + 1_000);
    expect(player.writingHold).toBeUndefined();
  });

  it('keeps the box being written in on screen after the session moves on to another question', async () => {
    const { player, prompt, hold } = await writingInFirstWindow();
    const later = player.currentPlan.events.find((event): event is PromptEvent => event.kind === 'prompt' && event.at > prompt.at);
    hold.focus(prompt);
    expect(hold.shownPrompt(later)).toBe(prompt);
    hold.blur();
    expect(hold.shownPrompt(later)).toBe(later);
  });

  it('never holds outside a writing window', async () => {
    const player = await readyPlayer('five-questions');
    await player.play(0.5);
    const hold = new WritingHoldController(countingHost(), () => ({ player, position: player.position() }));
    const prompt = player.currentPlan.events.find((event): event is PromptEvent => event.kind === 'prompt');
    if (!prompt) throw new Error('five questions has prompts');
    hold.focus(prompt);
    hold.input();
    expect(player.writingHold).toBeUndefined();
  });
});

describe('the tap vibration controller', () => {
  function vibratingDevice() {
    const vibrate = vi.fn(() => true);
    vi.stubGlobal('navigator', { vibrate });
    return vibrate;
  }

  it('vibrates once for each new tap the screen shows, only when turned on', () => {
    const vibrate = vibratingDevice();
    let tap: number | undefined;
    const vibration = new TapVibrationController(countingHost(), () => tap);
    expect(vibration.canVibrate).toBe(true);
    tap = 0;
    vibration.hostUpdated();
    expect(vibrate).not.toHaveBeenCalled();

    vibration.enabled = true;
    tap = 1;
    vibration.hostUpdated();
    vibration.hostUpdated();
    tap = 2;
    vibration.hostUpdated();
    tap = undefined;
    vibration.hostUpdated();
    expect(vibrate).toHaveBeenCalledTimes(2);
    expect(vibrate).toHaveBeenCalledWith(25);
  });

  it('stays still on a device without vibration, even when turned on', () => {
    vi.stubGlobal('navigator', {});
    let tap = 0;
    const vibration = new TapVibrationController(countingHost(), () => tap);
    expect(vibration.canVibrate).toBe(false);
    vibration.enabled = true;
    tap = 1;
    expect(() => vibration.hostUpdated()).not.toThrow();
  });
});
