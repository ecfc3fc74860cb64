import { describe, expect, it } from 'vitest';
import { pcmFrames } from '../../../src/speech/pcm';
import { synthAmbienceEvents } from '../../../src/compiler/synth/ambience-events';
import { decibelsToGain, gainToDecibels, peakOf } from '../../../src/speech/levels';
import { ambienceScatter } from '../../../src/engine/ambience-scatter';
import { ambienceKinds } from '../../../src/engine/script-model';
import { bitIdentical, everySampleFinite, firstSample, lastSample } from './signal-checks';

const sampleRate = 48_000;
const bedRms = decibelsToGain(-24);
const withEvents = ambienceKinds.filter((kind) => ambienceScatter[kind] !== undefined);

describe('synthAmbienceEvents', () => {
  describe.each(withEvents)('%s', (kind) => {
    const events = synthAmbienceEvents(kind, sampleRate, bedRms);
    const scatter = ambienceScatter[kind];

    it('makes as many variants as the engine scatters, each stereo and no longer than the longest it allows for', () => {
      expect(events).toHaveLength(scatter?.variants ?? 0);
      for (const event of events) {
        expect(event.channels).toHaveLength(2);
        expect(pcmFrames(event) / sampleRate).toBeLessThanOrEqual((scatter?.longest ?? 0) + 1e-9);
        expect(pcmFrames(event)).toBeGreaterThan(0.05 * sampleRate);
      }
    });

    it('starts and ends each variant in silence, with no NaN and peaks well under full scale', () => {
      for (const event of events) {
        expect(everySampleFinite(event.channels)).toBe(true);
        for (const channel of event.channels) {
          expect(Math.abs(firstSample(channel))).toBe(0);
          expect(lastSample(channel)).toBeCloseTo(0, 6);
        }
        expect(peakOf(event.channels)).toBeLessThan(0.9);
      }
    });

    it('makes every variant different from the others', () => {
      events.forEach((event, index) => {
        for (const other of events.slice(index + 1)) {
          const same = pcmFrames(event) === pcmFrames(other) && bitIdentical(event.channels[0], other.channels[0]);
          expect(same).toBe(false);
        }
      });
    });

    it('stands out of the bed without shouting: its peak is between 3 and 24 dB above the bed’s RMS level', () => {
      for (const event of events) {
        const above = gainToDecibels(peakOf(event.channels) / bedRms);
        expect(above).toBeGreaterThan(3);
        expect(above).toBeLessThan(24);
      }
    });

    it('is bit-identical from one call to the next', () => {
      const again = synthAmbienceEvents(kind, sampleRate, bedRms);
      again.forEach((event, index) => {
        expect(bitIdentical(event.channels[0], events[index]?.channels[0])).toBe(true);
      });
    });
  });

  it('makes no events for brown noise', () => {
    expect(synthAmbienceEvents('brown-noise', sampleRate, bedRms)).toEqual([]);
  });
});
