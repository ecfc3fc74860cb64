import { describe, expect, it } from 'vitest';
import { ambienceScatter, scatterEvents, type EventScatter, type ScatteredEvent } from '../../src/engine/ambience-scatter';
import { ambienceKinds } from '../../src/engine/script-model';

const twentyMinutes = 20 * 60;
const scattered = Object.entries(ambienceScatter).flatMap(([kind, scatter]) => (scatter ? [[kind, scatter] as const] : []));

/** The largest share of events that another event follows at one same lag (±0.25 s), over lags of 1 s to 5 minutes. */
function mostAtOneLag(events: readonly ScatteredEvent[]): number {
  const times = events.map((event) => event.at);
  let most = 0;
  for (let lag = 1; lag <= 300; lag += 0.1) {
    const followed = times.filter((at) => times.some((other) => Math.abs(other - at - lag) <= 0.25)).length;
    most = Math.max(most, followed / times.length);
  }
  return most;
}

describe('scatterEvents', () => {
  it('has events for every ambience but brown noise, which is a bed alone', () => {
    expect(scattered.map(([kind]) => kind).sort()).toEqual(ambienceKinds.filter((kind) => kind !== 'brown-noise').sort());
    expect(ambienceScatter['brown-noise']).toBeUndefined();
  });

  describe.each(scattered)('%s', (_kind, scatter: EventScatter) => {
    const events = scatterEvents(scatter, 1234, 10, 10 + twentyMinutes);

    it('gives the same events for the same seed, and other times for another seed', () => {
      expect(scatterEvents(scatter, 1234, 10, 10 + twentyMinutes)).toEqual(events);
      const other = scatterEvents(scatter, 1235, 10, 10 + twentyMinutes);
      expect(other.slice(0, 5).map((event) => event.at)).not.toEqual(events.slice(0, 5).map((event) => event.at));
    });

    it('never plays the same variant twice in a row, and plays every variant', () => {
      events.slice(1).forEach((event, index) => {
        expect(event.variant).not.toBe(events[index]?.variant);
      });
      expect(new Set(events.map((event) => event.variant)).size).toBe(scatter.variants);
    });

    it('keeps its density: within a fifth of its events per minute over twenty minutes', () => {
      const perMinute = events.length / 20;
      expect(perMinute).toBeGreaterThan(0.8 * scatter.perMinute);
      expect(perMinute).toBeLessThan(1.2 * scatter.perMinute);
    });

    it('starts each event at least its gap after the one before, and ends the last by the end', () => {
      const first = events[0];
      const last = events.at(-1);
      expect(first?.at).toBeGreaterThanOrEqual(10);
      expect((last?.at ?? Infinity) + scatter.longest).toBeLessThanOrEqual(10 + twentyMinutes);
      events.slice(1).forEach((event, index) => {
        expect(event.at - (events[index]?.at ?? 0)).toBeGreaterThanOrEqual(scatter.minGap - 1e-9);
      });
    });

    it('falls into no period: at no lag from 1 s to 5 minutes does a third of the events recur', () => {
      expect(mostAtOneLag(events)).toBeLessThan(1 / 3);
    });

    it('pans and levels each event within the kind’s spread', () => {
      for (const event of events) {
        expect(Math.abs(event.pan)).toBeLessThanOrEqual(scatter.panSpread);
        expect(event.level).toBeLessThanOrEqual(1);
        expect(event.level).toBeGreaterThanOrEqual(10 ** (-scatter.levelSpreadDb / 20));
      }
    });
  });

  it('would have caught a loop: events repeating every 30 s recur at that lag every time', () => {
    const looped = Array.from({ length: 40 }, (_, loop) => [3, 11, 22].map((at) => ({ at: loop * 30 + at, variant: 0, pan: 0, level: 1 }))).flat();
    expect(mostAtOneLag(looped)).toBeGreaterThan(0.9);
  });

  it('places nothing where the stretch is shorter than its longest event', () => {
    const beach = ambienceScatter.beach;
    if (!beach) throw new Error('the beach has waves');
    expect(scatterEvents(beach, 1, 0, beach.longest - 0.01)).toEqual([]);
  });
});
