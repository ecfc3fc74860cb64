import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planSession, type PlanInputs } from '../../src/engine/plan-session';
import type { Script } from '../../src/engine/script-model';
import { estimateSpeechSeconds } from '../../src/engine/speech-estimate';
import { loadValidScript } from '../helpers/scripts';

const authoring: Omit<PlanInputs, 'minutes'> = { speechSeconds: estimateSpeechSeconds, keyOf: (text) => `key:${text}` };
const plan = (script: Script, minutes: number, extra: Partial<PlanInputs> = {}) => planSession(script, { ...authoring, minutes, ...extra });
const everyStep = loadValidScript('test/fixtures/scripts/every-step.yaml');

describe('planSession', () => {
  it('matches the golden timeline of a script that uses every step', () => {
    const planned = plan(everyStep, 4);
    const golden = `${JSON.stringify(planned, null, 1)}\n`;
    const path = 'test/fixtures/scripts/every-step.plan.json';
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, golden);
    expect(golden).toBe(readFileSync(path, 'utf8'));
  });

  it.each([
    ['audio-scripts/breathe-long-exhale.yaml', [3, 4, 5, 7.5, 10, 13, 20]],
    ['audio-scripts/safe-space.yaml', [9, 9.25, 12, 16, 20]],
  ])('plays %s at exactly the requested length', (path, lengths) => {
    const script = loadValidScript(path);
    for (const minutes of lengths) expect(plan(script, minutes).duration).toBeCloseTo(minutes * 60, 6);
  });

  it('stretches the silences, never the voice', () => {
    const script = loadValidScript('audio-scripts/safe-space.yaml');
    const voice = (minutes: number) => plan(script, minutes).events.filter((event) => event.kind === 'voice').map((event) => event.duration);
    expect(voice(9)).toEqual(voice(20));
  });

  it('keeps events in time order and every voice line inside the session', () => {
    const planned = plan(everyStep, 5);
    for (let index = 1; index < planned.events.length; index += 1) {
      expect(planned.events[index]?.at).toBeGreaterThanOrEqual(planned.events[index - 1]?.at ?? 0);
    }
    for (const event of planned.events) if (event.kind === 'voice') expect(event.at + event.duration).toBeLessThanOrEqual(planned.duration);
  });

  it('cues each breath phase at the exact pattern times', () => {
    const script = loadValidScript('audio-scripts/breathe-long-exhale.yaml');
    const planned = plan(script, 20);
    const breaths = planned.events.filter((event) => event.kind === 'breath');
    const first = breaths[0]?.at ?? 0;
    breaths.forEach((event, index) => {
      const cycle = Math.floor(index / 2);
      const expected = first + cycle * 10 + (index % 2 === 0 ? 0 : 4);
      // Within a nanosecond after 100+ cycles: times are computed from the start, not accumulated.
      expect(Math.abs(event.at - expected)).toBeLessThan(1e-9);
    });
    expect(breaths.length).toBeGreaterThan(200);
  });

  it('alternates taps left and right at the tap interval', () => {
    const taps = plan(everyStep, 4).events.filter((event) => event.kind === 'cue' && event.sound === 'tap');
    expect(taps.slice(0, 4).map((event) => (event.kind === 'cue' ? event.pan : 0))).toEqual([-1, 1, -1, 1]);
    expect((taps[1]?.at ?? 0) - (taps[0]?.at ?? 0)).toBeCloseTo(0.5, 9);
  });

  it('follows the chosen branch and its ambience', () => {
    const beach = plan(everyStep, 4, { choices: { place: 'beach' } });
    const forest = plan(everyStep, 4, { choices: { place: 'forest' } });
    const texts = (p: typeof beach) => p.captions.map((caption) => caption.text);
    expect(texts(beach)).toContain('Waves.');
    expect(texts(beach)).toContain('Only at the beach.');
    expect(texts(forest)).toContain('Trees.');
    expect(texts(forest)).not.toContain('Only at the beach.');
    expect(beach.events.some((event) => event.kind === 'ambience' && event.ambience === 'beach')).toBe(true);
    expect(forest.events.some((event) => event.kind === 'ambience' && event.ambience === 'beach')).toBe(false);
  });

  it('takes the default option for an unknown answer', () => {
    expect(plan(everyStep, 4, { choices: { place: 'moon' } }).choices).toEqual({ place: 'beach' });
  });

  it('plays the person’s recording when there is one, and the fallback line when not', () => {
    const without = plan(everyStep, 4).events.filter((event) => event.kind === 'voice').at(-1);
    const withRecording = plan(everyStep, 4, { recordings: { letter: 100 } }).events.filter((event) => event.kind === 'voice').at(-1);
    expect(without?.kind === 'voice' && without.source).toEqual({ kind: 'line', key: 'key:If you like, record your letter first.' });
    expect(withRecording?.kind === 'voice' && withRecording.source).toEqual({ kind: 'recording', slot: 'letter' });
    expect(withRecording?.kind === 'voice' && withRecording.duration).toBe(30);
  });

  it('marks a prompt that waits for the person', () => {
    const prompts = plan(everyStep, 4).events.flatMap((event) => (event.kind === 'prompt' ? [[event.waits, event.writing]] : []));
    expect(prompts).toEqual([
      [false, 'journal'],
      [true, null],
    ]);
  });

  it('gives one step marker per step that takes time, in order', () => {
    const planned = plan(everyStep, 4);
    expect(planned.steps.map((step) => step.kind)).toEqual(['say', 'pause', 'pause', 'breathe', 'breathe', 'bell', 'taps', 'taps', 'say', 'say', 'prompt', 'prompt', 'recording']);
    const last = planned.steps.at(-1);
    expect((last?.at ?? 0) + (last?.duration ?? 0)).toBeCloseTo(planned.duration, 9);
  });
});
