import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/engine/clock';
import { PlaybackEngine } from '../../src/engine/playback-engine';
import { planSession } from '../../src/engine/plan-session';
import type { Script } from '../../src/engine/script-model';
import { estimateSpeechSeconds } from '../../src/engine/speech-estimate';
import type { SessionPlan } from '../../src/engine/timeline';
import { Transport } from '../../src/engine/transport';
import { RecordingPort, type PortCall } from '../helpers/recording-port';
import { loadValidScript } from '../helpers/scripts';

const startDelay = 0.1;
const lookahead = 4;
const planOf = (script: Script, minutes: number, choices = {}): SessionPlan =>
  planSession(script, { minutes, choices, speechSeconds: estimateSpeechSeconds, keyOf: (text) => text });

function rig(plan: SessionPlan) {
  const clock = new ManualClock(1000);
  const transport = new Transport(plan, clock, { startDelay });
  const port = new RecordingPort();
  const engine = new PlaybackEngine(transport, port, clock, { lookahead, resumeFade: 1.5 });
  /** Moves the clock in steps, ticking after each, as the page's ticker would. */
  const run = (seconds: number, step = 0.25) => {
    for (let elapsed = 0; elapsed < seconds - 1e-9; elapsed += step) {
      clock.advance(Math.min(step, seconds - elapsed));
      engine.tick();
    }
  };
  return { clock, transport, port, engine, run };
}

/** The every-step script's plan at 4 minutes, its timed prompt, and where that prompt's window ends. */
function timedPromptOf(script: Script) {
  const plan = planOf(script, 4);
  const prompt = plan.events.find((event) => event.kind === 'prompt' && !event.waits);
  if (prompt?.kind !== 'prompt') throw new Error('no timed prompt');
  return { plan, prompt, end: prompt.at + prompt.duration };
}

const audible = (plan: SessionPlan) => plan.events.filter((event) => event.kind === 'voice' || event.kind === 'cue' || event.kind === 'ambience' || event.kind === 'ambience-event');
const scheduled = (calls: readonly PortCall[]) => calls.filter((call) => call.kind !== 'stop-all');

describe('PlaybackEngine', () => {
  const breathing = loadValidScript('audio-scripts/breathe-long-exhale.yaml');
  const everyStep = loadValidScript('test/fixtures/scripts/every-step.yaml');

  it('hands every event of a 30-minute session to the audio clock once, at its exact time (no drift)', () => {
    const longBreath: Script = { ...breathing, length: { ...breathing.length, max: 30 } };
    const plan = planOf({ ...longBreath, steps: longBreath.steps.map((step) => (step.kind === 'breathe' ? { ...step, length: { kind: 'span', span: { kind: 'elastic', min: 60, max: 1800, weight: 1 } } } : step)) }, 30);
    expect(plan.duration).toBeCloseTo(1800, 6);
    const { clock, transport, port, run } = rig(plan);
    const started = clock.now();
    transport.play();
    run(1800 + 1);
    const calls = scheduled(port.calls);
    // Plus the closing fade of the bed at the end.
    expect(calls).toHaveLength(audible(plan).length + 1);
    audible(plan).forEach((event, index) => {
      const call = calls[index];
      expect(call?.kind).toBe(event.kind);
      expect(Math.abs((call && 'when' in call ? call.when : Number.NaN) - (started + startDelay + event.at))).toBeLessThan(1e-9);
    });
    expect(transport.state).toBe('ended');
  });

  it('hands each of the ambience’s own sounds to the port at its exact clock time, with its variant, pan and volume', () => {
    const plan = planOf(loadValidScript('audio-scripts/self-soothing.yaml'), 5);
    const planned = plan.events.filter((event) => event.kind === 'ambience-event');
    expect(planned.length).toBeGreaterThan(10);
    const { clock, transport, port, run } = rig(plan);
    const started = clock.now();
    transport.play();
    run(plan.duration + 1);
    const calls = port.calls.filter((call) => call.kind === 'ambience-event');
    expect(calls).toHaveLength(planned.length);
    planned.forEach((event, index) => {
      expect(calls[index]).toEqual({ kind: 'ambience-event', ambience: event.ambience, variant: event.variant, when: started + startDelay + event.at, pan: event.pan, volume: event.volume });
    });
  });

  it('never hands an event over late while ticks come at least once per lookahead, however irregular', () => {
    const plan = planOf(breathing, 20);
    const { clock, transport, engine } = rig(plan);
    transport.play();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    while (transport.state === 'playing') {
      clock.advance(0.05 + random() * (lookahead - 0.3));
      engine.tick();
    }
    expect(engine.lateEvents).toBe(0);
    expect(transport.state).toBe('ended');
  });

  it('hands over late events after a stall longer than the lookahead, skipping none and shifting none', () => {
    const plan = planOf(breathing, 5);
    const { clock, transport, port, engine } = rig(plan);
    const started = clock.now();
    transport.play();
    engine.tick();
    clock.advance(30);
    engine.tick();
    const calls = scheduled(port.calls);
    const expected = audible(plan).filter((event) => event.at < 30 - startDelay + lookahead);
    expect(calls.map((call) => ('when' in call ? call.when : 0))).toEqual(expected.map((event) => started + startDelay + event.at));
    expect(engine.lateEvents).toBeGreaterThan(0);
  });

  it('pauses and resumes exactly where it stopped, mid-line', () => {
    const plan = planOf(breathing, 5);
    const { clock, transport, port, run } = rig(plan);
    const firstLine = plan.events.find((event) => event.kind === 'voice');
    if (firstLine?.kind !== 'voice') throw new Error('no voice line');
    transport.play();
    run(startDelay + firstLine.at + 1.5, 0.05);
    expect(transport.pause()).toEqual({ ok: true });
    const pausedAt = transport.position();
    expect(pausedAt).toBeCloseTo(firstLine.at + 1.5, 6);
    expect(port.calls.at(-1)).toEqual({ kind: 'stop-all' });
    clock.advance(42);
    transport.play();
    const resumedAt = clock.now() + startDelay;
    const resumed = port.sinceLastStop();
    expect(resumed[0]).toMatchObject({ kind: 'ambience', ambience: 'brown-noise', when: resumedAt });
    expect(resumed[1]).toMatchObject({ kind: 'voice', when: resumedAt });
    const voice = resumed[1];
    expect(voice?.kind === 'voice' && voice.offset).toBeCloseTo(1.5, 9);
    expect(voice?.kind === 'voice' && voice.duration).toBeCloseTo(firstLine.duration - 1.5, 9);
    const nextLine = plan.events.find((event) => event.kind === 'voice' && event.at > firstLine.at);
    // The next line may lie past the lookahead at the moment of resuming: it is handed over a little later.
    run(3);
    const nextCall = port.sinceLastStop().find((call) => call.kind === 'voice' && call.offset === 0);
    expect(nextCall && 'when' in nextCall ? nextCall.when : 0).toBeCloseTo(resumedAt + ((nextLine?.at ?? 0) - pausedAt), 9);
  });

  it('seeks to any time and schedules from there exactly', () => {
    const plan = planOf(breathing, 10);
    const { clock, transport, port, run } = rig(plan);
    transport.play();
    run(3);
    // A second before a cue well into the session, so the lookahead after the seek holds one.
    const target = (plan.events.find((event) => event.kind === 'cue' && event.at >= 200)?.at ?? Number.NaN) - 1;
    expect(transport.seek(target)).toEqual({ ok: true });
    const from = clock.now() + startDelay;
    const after = port.sinceLastStop().filter((call) => call.kind === 'cue');
    const expected = plan.events.filter((event) => event.kind === 'cue' && event.at >= target && event.at < target + lookahead);
    expect(expected.length).toBeGreaterThan(0);
    expect(after).toHaveLength(expected.length);
    // Exact to well below a sample: the same sum in another order may differ in its last bit.
    after.forEach((call, index) => expect(Math.abs(('when' in call ? call.when : Number.NaN) - (from + (expected[index]?.at ?? Number.NaN) - target))).toBeLessThan(1e-9));
  });

  it('skips to the next and previous step starts', () => {
    const plan = planOf(everyStep, 4);
    const { transport } = rig(plan);
    transport.play();
    transport.next();
    expect(transport.position()).toBe(plan.steps[1]?.at);
    transport.next();
    transport.next();
    expect(transport.position()).toBe(plan.steps[3]?.at);
    transport.previous();
    expect(transport.position()).toBe(plan.steps[2]?.at);
  });

  it('holds at a waiting prompt, hands over nothing past it, and goes on when the person continues', () => {
    const plan = planOf(everyStep, 4);
    const prompt = plan.events.find((event) => event.kind === 'prompt' && event.waits);
    if (prompt?.kind !== 'prompt') throw new Error('no waiting prompt');
    const hold = prompt.at + prompt.duration;
    const { clock, transport, port, run } = rig(plan);
    transport.play();
    run(hold + 60);
    expect(transport.state).toBe('waiting');
    expect(transport.position()).toBe(hold);
    const lastWhen = Math.max(...scheduled(port.calls).map((call) => ('when' in call ? call.when : 0)));
    expect(lastWhen).toBeLessThan(1000 + startDelay + hold);
    expect(port.calls.at(-1)?.kind).not.toBe('stop-all');
    expect(transport.continue()).toEqual({ ok: true });
    const goOn = clock.now() + startDelay;
    const next = plan.events.find((event) => event.at >= hold && event.kind === 'voice');
    const call = port.calls.find((candidate) => candidate.kind === 'voice' && candidate.when >= goOn);
    expect(call && 'when' in call ? call.when : 0).toBeCloseTo(goOn + ((next?.at ?? 0) - hold), 9);
  });

  it('waits at the end of a timed prompt held while the person writes, handing over nothing past it, then goes on', () => {
    const { plan, prompt, end } = timedPromptOf(everyStep);
    const { clock, transport, port, run } = rig(plan);
    transport.play();
    run(prompt.at + 0.5);
    expect(transport.holdAt(end)).toEqual({ ok: true });
    run(end - prompt.at + 60);
    expect(transport.state).toBe('waiting');
    expect(transport.position()).toBe(end);
    const lastWhen = Math.max(...scheduled(port.calls).map((call) => ('when' in call ? call.when : 0)));
    expect(lastWhen).toBeLessThan(1000 + startDelay + end);
    // Done writing: the session goes on from the hold, the next line as far after it as planned.
    expect(transport.releaseHold()).toEqual({ ok: true });
    expect(transport.state).toBe('playing');
    const goOn = clock.now() + startDelay;
    const next = plan.events.find((event) => event.at >= end && event.kind === 'voice');
    run(lookahead);
    const call = port.calls.find((candidate) => candidate.kind === 'voice' && candidate.when >= goOn);
    expect(call && 'when' in call ? call.when : 0).toBeCloseTo(goOn + ((next?.at ?? 0) - end), 9);
  });

  it('takes back sounds already handed over past a hold placed in the last seconds of a window', () => {
    const { plan, end } = timedPromptOf(everyStep);
    const { transport, port, run } = rig(plan);
    transport.play();
    run(end - 1);
    const beyond = (calls: readonly PortCall[]) => calls.filter((call) => 'when' in call && call.when >= 1000 + startDelay + end - 1e-9);
    expect(beyond(scheduled(port.calls)).length).toBeGreaterThan(0);
    transport.holdAt(end);
    run(30);
    expect(transport.state).toBe('waiting');
    expect(beyond(port.sinceLastStop())).toEqual([]);
  });

  it('plays straight through a hold released before the window ends', () => {
    const { plan, prompt, end } = timedPromptOf(everyStep);
    const { transport, port, run } = rig(plan);
    transport.play();
    run(prompt.at + 0.5);
    transport.holdAt(end);
    transport.releaseHold();
    run(end - prompt.at + 5);
    expect(transport.state).toBe('playing');
    expect(transport.position()).toBeGreaterThan(end);
    expect(port.calls.filter((call) => call.kind === 'stop-all')).toHaveLength(1);
  });

  it('lets the last sounds ring out and fades the bed when the session ends', () => {
    const plan = planOf(everyStep, 2);
    const { transport, port, run } = rig(plan);
    transport.play();
    run(130, 1);
    transport.continue();
    run(400, 1);
    expect(transport.state).toBe('ended');
    const closing = port.calls.at(-1);
    expect(closing).toMatchObject({ kind: 'ambience', ambience: null, fade: 1.5 });
    // The only stop is the clean slate before the first sound.
    expect(port.calls.findLastIndex((call) => call.kind === 'stop-all')).toBe(0);
    const lastStart = Math.max(...port.calls.slice(0, -1).map((call) => ('when' in call ? call.when : 0)));
    expect(closing && 'when' in closing ? closing.when : 0).toBeGreaterThanOrEqual(lastStart);
  });

  it('stops everything at once when the person stops', () => {
    const plan = planOf(everyStep, 2);
    const { transport, port, run } = rig(plan);
    transport.play();
    run(10);
    transport.stop();
    expect(port.calls.at(-1)).toEqual({ kind: 'stop-all' });
    expect(transport.position()).toBe(0);
  });
});
