import { describe, expect, it } from 'vitest';
import { ambienceScatter } from '../../src/engine/ambience-scatter';
import { planSession, type PlanInputs } from '../../src/engine/plan-session';
import type { Script } from '../../src/engine/script-model';
import { estimateSpeechSeconds } from '../../src/engine/speech-estimate';
import type { SessionPlan, TimelineEvent } from '../../src/engine/timeline';
import { loadValidScript } from '../helpers/scripts';

const authoring: Omit<PlanInputs, 'minutes'> = { speechSeconds: estimateSpeechSeconds, keyOf: (text) => text };
const plan = (script: Script, minutes: number, extra: Partial<PlanInputs> = {}) => planSession(script, { ...authoring, minutes, ...extra });
const safeSpace = loadValidScript('audio-scripts/safe-space.yaml');
const soothing = loadValidScript('audio-scripts/self-soothing.yaml');
const breathing = loadValidScript('audio-scripts/breathe-long-exhale.yaml');

type AmbienceChange = Extract<TimelineEvent, { kind: 'ambience' }>;
const changes = (planned: SessionPlan) => planned.events.filter((event): event is AmbienceChange => event.kind === 'ambience');
/** The script's own ambience changes: where the kind changes (the engine's level drift keeps it). */
const kindChanges = (planned: SessionPlan) => changes(planned).filter((change, index, all) => index === 0 || all[index - 1]?.ambience !== change.ambience);
const scattered = (planned: SessionPlan) => planned.events.filter((event) => event.kind === 'ambience-event');

describe('the ambience’s own sounds in a plan', () => {
  it('fall only while their ambience plays: after it has faded in, ending before it changes', () => {
    for (const choice of ['beach', 'forest', 'room']) {
      const planned = plan(safeSpace, 20, { choices: { place: choice } });
      const stretches = kindChanges(planned);
      const events = scattered(planned);
      expect(events.length, choice).toBeGreaterThan(20);
      for (const event of events) {
        const playing = stretches.findLast((change) => change.at <= event.at);
        const next = stretches.find((change) => change.at > event.at);
        expect(playing?.ambience).toBe(event.ambience);
        expect(event.at).toBeGreaterThanOrEqual((playing?.at ?? 0) + (playing?.fade ?? 0));
        expect(event.at + (ambienceScatter[event.ambience]?.longest ?? 0)).toBeLessThanOrEqual(next?.at ?? planned.duration);
      }
    }
  });

  it('are the same every time a session is planned, and fall elsewhere for another seed', () => {
    const first = scattered(plan(soothing, 10));
    expect(scattered(plan(soothing, 10))).toEqual(first);
    const reseeded = scattered(plan(soothing, 10, { seed: 'another listen' }));
    expect(reseeded.map((event) => event.at)).not.toEqual(first.map((event) => event.at));
  });

  it('play at their ambience’s volume, never louder', () => {
    const planned = plan(soothing, 10);
    const volume = changes(planned)[0]?.volume ?? 0;
    for (const event of scattered(planned)) expect(event.volume).toBeLessThanOrEqual(volume);
  });

  it('keep to the kind’s density over a long session: rain about 8 drops a minute', () => {
    const planned = plan(soothing, 15);
    const minutes = planned.duration / 60;
    expect(scattered(planned).length / minutes).toBeGreaterThan(0.75 * (ambienceScatter.rain?.perMinute ?? 0));
  });

  it('leave brown noise a bed alone', () => {
    expect(scattered(plan(breathing, 10))).toEqual([]);
  });

  it('let the bed’s level drift slowly and continuously, never above the script’s volume nor 3 dB under it', () => {
    const planned = plan(soothing, 15);
    const [start, ...drift] = changes(planned).filter((change) => change.ambience === 'rain');
    expect(drift.length).toBeGreaterThan(20);
    drift.slice(1).forEach((glide, index) => {
      const before = drift[index];
      expect(glide.at).toBeCloseTo((before?.at ?? 0) + (before?.fade ?? 0), 9);
    });
    for (const glide of drift) {
      expect(glide.volume).toBeLessThanOrEqual(start?.volume ?? 0);
      expect(glide.volume).toBeGreaterThanOrEqual((start?.volume ?? 0) * 10 ** (-3 / 20) - 1e-12);
    }
    const gains = new Set(drift.map((glide) => glide.volume));
    expect(gains.size).toBe(drift.length);
  });
});
