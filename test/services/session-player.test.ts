import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NarratorId } from '../../src/engine/narrators';
import { SessionPlayer } from '../../src/services/session-player';
import type { SessionPack } from '../../src/services/session-pack';
import { FakeOutput, fakeSurroundings, settle, shippedPack } from '../helpers/fake-session-output';
import { shippedPlan } from '../helpers/shipped-plan';

let pack: SessionPack;
beforeAll(async () => {
  pack = await shippedPack('safe-space');
});

let player: SessionPlayer | undefined;
afterEach(() => {
  player?.dispose();
  player = undefined;
  vi.restoreAllMocks();
});

function open(options: { minutes?: number; choices?: Record<string, string>; narrator?: NarratorId } = {}) {
  const output = new FakeOutput();
  const { record, surroundings } = fakeSurroundings();
  player = SessionPlayer.assemble(pack, output, { narrator: 'slt', ...options }, surroundings);
  return { player, output, record };
}

describe('the session coordinator', () => {
  it('opens at once, asks for the sounds its plan and narrator need, and is ready when they are there', async () => {
    const { player, output } = open({ minutes: 9, choices: { place: 'forest' } });
    expect(player.state).toBe('loading');
    await settle();
    expect(output.asked.map((request) => request.needs)).toEqual([{ narrator: 'slt', ambience: ['forest'] }]);
    await output.answerAll();
    await settle();
    expect(player.state).toBe('ready');
  });

  it('starts the output on the tap, and plays only once the sounds are decoded', async () => {
    const { player, output, record } = open({ minutes: 9 });
    const playing = player.play();
    // The tap still counts as the person's only now: the output is asked to start before anything is decoded.
    expect(output.starts).toBe(1);
    expect(player.starting).toBe(true);
    await settle();
    expect(player.state).toBe('loading');
    expect(record.ticking).toEqual([]);
    await output.answerAll();
    expect(await playing).toEqual({ ok: true });
    expect(player.state).toBe('playing');
    expect(player.starting).toBe(false);
    expect(record.ticking.at(-1)).toBe(true);
    expect(output.awake.at(-1)).toBe(true);
    expect(record.lockScreen.at(-1)).toBe(true);
    record.tick();
    const plan = shippedPlan('safe-space', 9);
    const first = plan.events.find((event) => event.kind === 'voice');
    expect(output.voices[0]?.when).toBeCloseTo(10.02 + (first?.at ?? Number.NaN), 9);
  });

  it('asks for the ambience of a place chosen before the start, after what it asked before', async () => {
    const { player, output } = open({ minutes: 9 });
    await settle();
    expect(output.asked.map((request) => request.needs.ambience)).toEqual([['beach']]);
    expect(player.choose('place', 'forest')).toEqual({ ok: true });
    await settle();
    // One request at a time: the second waits for the first.
    expect(output.asked).toHaveLength(1);
    await output.answerAll();
    await settle();
    expect(output.asked.map((request) => request.needs.ambience)).toEqual([['forest']]);
    const playing = player.play();
    await settle();
    expect(player.state).toBe('ready');
    await output.answerAll();
    await playing;
    expect(player.state).toBe('playing');
    expect(player.currentPlan).toEqual(shippedPlan('safe-space', 9, { place: 'forest' }, player.seed));
  });

  it('keeps the narrator the person chose while another was still decoding', async () => {
    const { player, output } = open();
    await settle();
    expect(output.asked.map((request) => request.needs.narrator)).toEqual(['slt']);
    const chosen = player.chooseNarrator('rms');
    expect(player.narrator).toBe('rms');
    await output.answerAll();
    await settle();
    expect(player.narrator).toBe('rms');
    expect(output.asked.map((request) => request.needs.narrator)).toEqual(['rms']);
    await output.answerAll();
    expect(await chosen).toBe(true);
    expect(player.narrator).toBe('rms');
  });

  it('says so and goes on with the narrator the output could load', async () => {
    const { player, output } = open({ narrator: 'rms' });
    await output.answerAll(() => ({ problems: ['A man’s voice could not be loaded here, so the session uses a woman’s voice.'], damagedDownload: true, narrator: 'slt' }));
    await settle();
    expect(player.narrator).toBe('slt');
    expect(player.problems).toEqual(['A man’s voice could not be loaded here, so the session uses a woman’s voice.']);
    expect(player.damagedDownload).toBe(true);
    expect(player.state).toBe('ready');
  });

  it('is ready with its captions and timer when the sounds cannot be prepared at all', async () => {
    const output = new FakeOutput();
    output.prepare = () => Promise.reject(new Error('no sound here'));
    player = SessionPlayer.assemble(pack, output, {}, fakeSurroundings().surroundings);
    await settle();
    expect(player.state).toBe('ready');
  });

  it('plays from a place once the sounds are there', async () => {
    const { player, output } = open({ minutes: 9 });
    const playing = player.play(61.3);
    await output.answerAll();
    await playing;
    expect(player.state).toBe('playing');
    expect(player.position()).toBe(61.3);
  });

  it('fades everything out gently for a break, and lets go of the output, the ticker and the lock screen', async () => {
    const { player, output, record } = open();
    await output.answerAll();
    await player.play();
    const before = output.stops.length;
    player.takeBreak();
    // The fade comes first; the engine's own stop as it pauses leaves sounds already fading alone.
    expect(output.stops.slice(before)[0]).toBe(1.5);
    expect(player.state).toBe('paused');
    expect(record.ticking.at(-1)).toBe(false);
    expect(output.awake.at(-1)).toBe(false);
    expect(record.lockScreen.at(-1)).toBe(false);
  });

  it('pauses and says so when the output is interrupted or its clock stops', async () => {
    const { player, output, record } = open();
    await output.answerAll();
    await player.play();
    output.interrupt();
    expect(player.state).toBe('paused');
    expect(player.interrupted).toBe(true);

    let wall = performance.now();
    vi.spyOn(performance, 'now').mockImplementation(() => wall);
    await player.play();
    expect(player.interrupted).toBe(false);
    // The audio clock stands still while the wall clock runs on for two seconds.
    wall += 2000;
    record.tick();
    expect(player.state).toBe('paused');
    expect(player.interrupted).toBe(true);
  });

  it('tells its followers of changes until it is disposed, then lets go of everything', async () => {
    const { player, output, record } = open();
    const heard = vi.fn();
    player.subscribe(heard);
    await output.answerAll();
    await settle();
    expect(heard).toHaveBeenCalled();
    player.dispose();
    heard.mockClear();
    output.interrupt();
    player.setVolume('voice', 0.5);
    expect(heard).not.toHaveBeenCalled();
    expect(output.disposed).toBe(true);
    expect(record.disposed).toEqual(['ticker', 'lock screen']);
    expect(output.volumes).toEqual([['voice', 0.5]]);
  });

  it('places the ambience’s separate sounds afresh for each listen, and keeps them while the session is open', () => {
    const ambienceTimes = (listen: SessionPlayer) => listen.currentPlan.events.filter((event) => event.kind === 'ambience-event').map((event) => event.at);
    const first = open({ choices: { place: 'beach' } }).player;
    const heardFirst = ambienceTimes(first);
    expect(heardFirst.length).toBeGreaterThan(10);
    first.setLength(9);
    first.setLength(12);
    expect(ambienceTimes(first)).toEqual(heardFirst);
    const second = SessionPlayer.assemble(pack, new FakeOutput(), { choices: { place: 'beach' } }, fakeSurroundings().surroundings);
    expect(second.seed).not.toBe(first.seed);
    expect(ambienceTimes(second)).not.toEqual(heardFirst);
    second.dispose();
  });
});
