import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock';
import { planSession } from '../../src/engine/plan-session';
import { estimateSpeechSeconds } from '../../src/engine/speech-estimate';
import { Transport, type CommandResult, type TransportState } from '../../src/engine/transport';
import { loadValidScript } from '../helpers/scripts';

const script = loadValidScript('test/fixtures/scripts/every-step.yaml');
const plan = planSession(script, { minutes: 4, speechSeconds: estimateSpeechSeconds, keyOf: (text) => text });
const hold = (() => {
  const prompt = plan.events.find((event) => event.kind === 'prompt' && event.waits);
  return prompt?.kind === 'prompt' ? prompt.at + prompt.duration : Number.NaN;
})();

/** A transport brought into `state` the way a person would get there. */
function inState(state: TransportState): { transport: Transport; clock: ManualClock } {
  const clock = new ManualClock();
  const transport = new Transport(plan, clock, { loading: state === 'loading' });
  switch (state) {
    case 'loading':
    case 'ready':
      break;
    case 'playing':
      transport.play();
      clock.advance(10);
      break;
    case 'paused':
      transport.play();
      clock.advance(10);
      transport.pause();
      break;
    case 'waiting':
      transport.play();
      clock.advance(hold + 5);
      transport.update();
      break;
    case 'ended':
      transport.play();
      transport.seek(plan.duration + 100);
      break;
  }
  expect(transport.state).toBe(state);
  return { transport, clock };
}

const ok: CommandResult = { ok: true };
const states: TransportState[] = ['loading', 'ready', 'playing', 'paused', 'waiting', 'ended'];

/** Command → state before → [result, state after]. */
const table: Record<string, Record<TransportState, [CommandResult, TransportState]>> = {
  play: {
    loading: [{ ok: true, queued: true }, 'loading'],
    ready: [ok, 'playing'],
    playing: [ok, 'playing'],
    paused: [ok, 'playing'],
    waiting: [ok, 'playing'],
    ended: [ok, 'playing'],
  },
  pause: {
    loading: [ok, 'loading'],
    ready: [{ ok: false, reason: 'not-playing' }, 'ready'],
    playing: [ok, 'paused'],
    paused: [{ ok: false, reason: 'not-playing' }, 'paused'],
    waiting: [ok, 'paused'],
    ended: [{ ok: false, reason: 'ended' }, 'ended'],
  },
  continue: {
    loading: [{ ok: false, reason: 'not-waiting' }, 'loading'],
    ready: [{ ok: false, reason: 'not-waiting' }, 'ready'],
    playing: [{ ok: false, reason: 'not-waiting' }, 'playing'],
    paused: [{ ok: false, reason: 'not-waiting' }, 'paused'],
    waiting: [ok, 'playing'],
    ended: [{ ok: false, reason: 'not-waiting' }, 'ended'],
  },
  stop: {
    loading: [{ ok: false, reason: 'loading' }, 'loading'],
    ready: [ok, 'ready'],
    playing: [ok, 'ready'],
    paused: [ok, 'ready'],
    waiting: [ok, 'ready'],
    ended: [ok, 'ready'],
  },
  next: {
    loading: [{ ok: false, reason: 'loading' }, 'loading'],
    ready: [ok, 'ready'],
    playing: [ok, 'playing'],
    paused: [ok, 'paused'],
    waiting: [ok, 'playing'],
    ended: [{ ok: false, reason: 'ended' }, 'ended'],
  },
  previous: {
    loading: [{ ok: false, reason: 'loading' }, 'loading'],
    ready: [ok, 'ready'],
    playing: [ok, 'playing'],
    paused: [ok, 'paused'],
    waiting: [ok, 'playing'],
    ended: [ok, 'paused'],
  },
  'seek past the end': {
    loading: [{ ok: false, reason: 'loading' }, 'loading'],
    ready: [ok, 'ended'],
    playing: [ok, 'ended'],
    paused: [ok, 'ended'],
    waiting: [ok, 'ended'],
    ended: [ok, 'ended'],
  },
  'seek to NaN': {
    loading: [{ ok: false, reason: 'invalid-time' }, 'loading'],
    ready: [{ ok: false, reason: 'invalid-time' }, 'ready'],
    playing: [{ ok: false, reason: 'invalid-time' }, 'playing'],
    paused: [{ ok: false, reason: 'invalid-time' }, 'paused'],
    waiting: [{ ok: false, reason: 'invalid-time' }, 'waiting'],
    ended: [{ ok: false, reason: 'invalid-time' }, 'ended'],
  },
  replan: {
    loading: [ok, 'loading'],
    ready: [ok, 'ready'],
    playing: [{ ok: false, reason: 'already-started' }, 'playing'],
    paused: [{ ok: false, reason: 'already-started' }, 'paused'],
    waiting: [{ ok: false, reason: 'already-started' }, 'waiting'],
    ended: [{ ok: false, reason: 'already-started' }, 'ended'],
  },
};

const commands: Record<string, (transport: Transport) => CommandResult> = {
  play: (transport) => transport.play(),
  pause: (transport) => transport.pause(),
  continue: (transport) => transport.continue(),
  stop: (transport) => transport.stop(),
  next: (transport) => transport.next(),
  previous: (transport) => transport.previous(),
  'seek past the end': (transport) => transport.seek(plan.duration + 1),
  'seek to NaN': (transport) => transport.seek(Number.NaN),
  replan: (transport) => transport.replan(plan),
};

describe('Transport', () => {
  for (const [command, outcomes] of Object.entries(table)) {
    for (const state of states) {
      const [result, after] = outcomes[state];
      it(`${command} while ${state}: ${result.ok ? 'accepted' : `refused (${result.reason})`}, then ${after}`, () => {
        const { transport } = inState(state);
        const run = commands[command];
        if (!run) throw new Error(`no command ${command}`);
        expect(run(transport)).toEqual(result);
        expect(transport.state).toBe(after);
      });
    }
  }

  it('plays once loading ends when play was pressed while loading', () => {
    const { transport } = inState('loading');
    transport.play();
    transport.markReady();
    expect(transport.state).toBe('playing');
  });

  it('keeps its position while paused, however long', () => {
    const { transport, clock } = inState('paused');
    const position = transport.position();
    clock.advance(3600);
    expect(transport.position()).toBe(position);
  });

  it('waits the start delay before the position moves, so the first sound is on time', () => {
    const clock = new ManualClock(50);
    const transport = new Transport(plan, clock, { startDelay: 0.1 });
    transport.play();
    clock.advance(0.05);
    expect(transport.position()).toBe(0);
    clock.advance(0.1);
    expect(transport.position()).toBeCloseTo(0.05, 9);
    expect(transport.clockTimeAt(0)).toBeCloseTo(50.1, 9);
  });

  it('never moves past a waiting prompt, even between ticks', () => {
    const { transport, clock } = inState('playing');
    clock.advance(hold + 100);
    expect(transport.position()).toBe(hold);
  });

  it('clamps a seek before the start to the start', () => {
    const { transport } = inState('playing');
    transport.seek(-30);
    expect(transport.position()).toBe(0);
  });

  it('goes back to the start of the current step when well into it, else to the step before', () => {
    const { transport, clock } = inState('ready');
    const third = plan.steps[3];
    if (!third) throw new Error('plan too short');
    transport.seek(third.at);
    transport.play();
    clock.advance(5 + transport.startDelay);
    transport.previous();
    expect(transport.position()).toBe(third.at);
    transport.previous();
    expect(transport.position()).toBe(plan.steps[2]?.at);
  });

  it('tells its listeners about every change', () => {
    const { transport } = inState('ready');
    const changes: string[] = [];
    transport.subscribe((change) => changes.push(`${change}:${transport.state}`));
    transport.play();
    transport.seek(20);
    transport.pause();
    expect(changes).toEqual(['state:playing', 'seek:playing', 'state:paused']);
  });
});
