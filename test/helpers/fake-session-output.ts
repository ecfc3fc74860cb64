import { readFileSync } from 'node:fs';
import type { Bus, SessionOutput, SoundNeeds, SoundsReport } from '../../src/engine/audio-port';
import type { VoiceSource } from '../../src/engine/timeline';
import type { PlayerSurroundings } from '../../src/services/session-player';
import { loadSessionPack, type SessionPack } from '../../src/services/session-pack';

/** The shipped packs, served from `public/` as the app's server would. */
const fromPublic: typeof fetch = (input) => {
  const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
  return Promise.resolve(new Response(readFileSync(`public${path}`)));
};

/** A shipped session's pack, read as the app reads it. */
export const shippedPack = (id: string): Promise<SessionPack> => loadSessionPack(id, new URL('https://lull.test/'), fromPublic);

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const soundsFine = (needs: SoundNeeds): SoundsReport => ({ problems: [], damagedDownload: false, narrator: needs.narrator });

/** A sound output that writes down what the coordinator asks of it; its sounds arrive when the test says. */
export class FakeOutput implements SessionOutput {
  time = 10;
  /** The audio clock: `time`, unless the test gives another. */
  readonly clock: { now: () => number };
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

  constructor(clock?: () => number) {
    this.clock = { now: clock ?? (() => this.time) };
  }

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
    this.answerAsked(report);
    await settle();
  }

  /** Answers the requests made so far, at once (under fake timers, let them arrive by advancing time). */
  answerAsked(report: (needs: SoundNeeds) => SoundsReport = soundsFine): void {
    for (const request of this.asked.splice(0)) request.answer(report(request.needs));
  }
}

/** The ticker and lock screen a page would have, written down. */
export function fakeSurroundings() {
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
export const settle = () => new Promise((done) => setTimeout(done, 0));
