import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Bus, SessionOutput, SoundNeeds, SoundsReport } from '../../src/engine/audio-port';
import type { NarratorId } from '../../src/engine/narrators';
import type { VoiceSource } from '../../src/engine/timeline';
import { SessionPlayer, type PlayerSurroundings } from '../../src/services/session-player';
import { loadSessionPack, type SessionPack } from '../../src/services/session-pack';
import { shippedPlan } from '../helpers/shipped-plan';

/** The shipped packs, served from `public/` as the app's server would. */
const fromPublic: typeof fetch = (input) => {
  const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
  return Promise.resolve(new Response(readFileSync(`public${path}`)));
};

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const soundsFine = (needs: SoundNeeds): SoundsReport => ({ problems: [], damagedDownload: false, narrator: needs.narrator });

/** A sound output that writes down what the coordinator asks of it; its sounds arrive when the test says. */
class FakeOutput implements SessionOutput {
  time = 10;
  readonly clock = { now: () => this.time };
  readonly recordingSeconds = {};
  readonly takeSeconds = {};
  readonly asked: { needs: SoundNeeds; answer: (report: SoundsReport) => void }[] = [];
  readonly voices: { source: VoiceSource; when: number; offset: number }[] = [];
  readonly stops: (number | undefined)[] = [];
  readonly awake: boolean[] = [];
  readonly volumes: [Bus, number][] = [];
  starts = 0;
  disposed = false;
  private interruption: (() => void) | undefined;

  prepare(needs: SoundNeeds): Promise<SoundsReport> {
    const report = deferred<SoundsReport>();
    this.asked.push({ needs, answer: report.resolve });
    return report.promise;
  }
  start(): Promise<boolean> {
    this.starts += 1;
    return Promise.resolve(true);
  }
  scheduleVoice(source: VoiceSource, when: number, offset: number): void {
    this.voices.push({ source, when, offset });
  }
  scheduleCue(): void {}
  scheduleAmbience(): void {}
  scheduleAmbienceEvent(): void {}
  stopAll(fade?: number): void {
    this.stops.push(fade);
  }
  setVolume(bus: Bus, volume: number): void {
    this.volumes.push([bus, volume]);
  }
  keepOutputAwake(awake: boolean): void {
    this.awake.push(awake);
  }
  onInterruption(listener: () => void): () => void {
    this.interruption = listener;
    return () => {
      this.interruption = undefined;
    };
  }
  interrupt(): void {
    this.interruption?.();
  }
  dispose(): void {
    this.disposed = true;
  }
  /** Answers every request made so far, as the real output does once its sounds are decoded, and lets the answers arrive. */
  async answerAll(report: (needs: SoundNeeds) => SoundsReport = soundsFine): Promise<void> {
    await settle();
    for (const request of this.asked.splice(0)) request.answer(report(request.needs));
    await settle();
  }
}

/** The ticker and lock screen a page would have, written down. */
function fakeSurroundings() {
  const record: { ticking: boolean[]; lockScreen: boolean[]; tick: () => void; disposed: string[] } = { ticking: [], lockScreen: [], tick: () => undefined, disposed: [] };
  const surroundings: PlayerSurroundings = {
    ticker: (onTick) => {
      record.tick = onTick;
      return { set: (run) => record.ticking.push(run), dispose: () => record.disposed.push('ticker') };
    },
    lockScreen: () => ({ update: (active) => record.lockScreen.push(active), dispose: () => record.disposed.push('lock screen') }),
  };
  return { record, surroundings };
}

/** Lets the coordinator's promise chains run. */
const settle = () => new Promise((done) => setTimeout(done, 0));

let pack: SessionPack;
beforeAll(async () => {
  pack = await loadSessionPack('safe-space', new URL('https://lull.test/'), fromPublic);
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
    expect(player.currentPlan).toEqual(shippedPlan('safe-space', 9, { place: 'forest' }));
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
});
