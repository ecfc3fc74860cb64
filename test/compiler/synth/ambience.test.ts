import { describe, expect, it } from 'vitest';
import type { Pcm } from '../../../src/speech/pcm';
import { pcmFrames } from '../../../src/speech/pcm';
import { synthAmbienceLoop } from '../../../src/compiler/synth/ambience';
import { ambienceKinds, type AmbienceKind } from '../../../src/engine/script-model';
import { filterInPlace, OnePoleHighPass } from '../../../src/speech/filters';
import { gainToDecibels, peakOf, rmsOf } from '../../../src/speech/levels';
import { bitIdentical, channelOf, everySampleFinite, firstSample, lastSample, shareOfStepsAtLeast } from './signal-checks';

const sampleRate = 48_000;
const seconds = 30;
const fiftyMs = 0.05 * sampleRate;

const loops = new Map<AmbienceKind, Pcm>();
function loopOf(kind: AmbienceKind): Pcm {
  const cached = loops.get(kind);
  if (cached) return cached;
  const loop = synthAmbienceLoop(kind, sampleRate, seconds);
  loops.set(kind, loop);
  return loop;
}

/**
 * The wrap from last frame to first is at most 4 × the 99th-percentile step inside the loop (put
 * without sorting: at least 1 % of the steps are a quarter of the wrap or bigger), and the level
 * holds across it.
 */
function expectSeamless(loop: Pcm): void {
  for (const channel of loop.channels) {
    const wrap = Math.abs(firstSample(channel) - lastSample(channel));
    expect(shareOfStepsAtLeast(channel, wrap / 4)).toBeGreaterThanOrEqual(0.01);
    const before = rmsOf([channel.subarray(channel.length - fiftyMs)]);
    const after = rmsOf([channel.subarray(0, fiftyMs)]);
    expect(Math.abs(gainToDecibels(after / before))).toBeLessThan(3);
  }
}

/** RMS, in dB, of each successive window of `windowSeconds` in the left channel. */
function windowLevels(loop: Pcm, windowSeconds: number): number[] {
  const left = channelOf(loop);
  const window = Math.round(windowSeconds * loop.sampleRate);
  const levels: number[] = [];
  for (let start = 0; start + window <= left.length; start += window) {
    levels.push(gainToDecibels(rmsOf([left.subarray(start, start + window)])));
  }
  return levels;
}

/** How many 50 ms moments stand 6 dB above the median in the treble (above 2.5 kHz): bird calls would. */
function trebleMomentsStandingOut(pcm: Pcm): number {
  const left = channelOf(pcm, 0);
  const right = channelOf(pcm, 1);
  const middle = left.map((sample, index) => (sample + (right[index] ?? 0)) / 2);
  const treble = filterInPlace(
    filterInPlace(middle, new OnePoleHighPass(2500, pcm.sampleRate)),
    new OnePoleHighPass(2500, pcm.sampleRate),
  );
  const windows = windowLevels({ sampleRate: pcm.sampleRate, channels: [treble] }, 0.05);
  const median = [...windows].sort((a, b) => a - b)[Math.floor(windows.length / 2)] ?? 0;
  return windows.filter((level) => level > median + 6).length;
}

describe('synthAmbienceLoop', () => {
  it('offers beach, forest, room, rain and brown noise', () => {
    expect([...ambienceKinds].sort()).toEqual(['beach', 'brown-noise', 'forest', 'rain', 'room']);
  });

  describe.each(ambienceKinds)('%s', (kind) => {
    it('is stereo and exactly round(seconds × sampleRate) frames long', () => {
      expect(loopOf(kind).channels).toHaveLength(2);
      expect(pcmFrames(loopOf(kind))).toBe(seconds * sampleRate);
      const odd = synthAmbienceLoop(kind, 44_100, 7.3333);
      expect(odd.sampleRate).toBe(44_100);
      expect(odd.channels[0]?.length).toBe(Math.round(7.3333 * 44_100));
      expect(odd.channels[1]?.length).toBe(Math.round(7.3333 * 44_100));
    });

    it('is bit-identical from one call to the next', () => {
      const first = synthAmbienceLoop(kind, sampleRate, 4);
      const second = synthAmbienceLoop(kind, sampleRate, 4);
      expect(bitIdentical(second.channels[0], first.channels[0])).toBe(true);
      expect(bitIdentical(second.channels[1], first.channels[1])).toBe(true);
    });

    it('sits between −30 and −18 dBFS RMS with peaks at most 0.7 and no NaN', () => {
      const loop = loopOf(kind);
      expect(everySampleFinite(loop.channels)).toBe(true);
      const level = gainToDecibels(rmsOf(loop.channels));
      expect(level).toBeGreaterThan(-30);
      expect(level).toBeLessThan(-18);
      expect(peakOf(loop.channels)).toBeLessThanOrEqual(0.7);
    });

    it('wraps from its end to its start with no click and no level jump', () => {
      expectSeamless(loopOf(kind));
    });

    it('stays seamless when the loop is only three seconds long', () => {
      expectSeamless(synthAmbienceLoop(kind, sampleRate, 3));
    });
  });

  it('moves the beach across the stereo field: its channels differ', () => {
    const left = channelOf(loopOf('beach'), 0);
    const right = channelOf(loopOf('beach'), 1);
    expect(bitIdentical(left, right)).toBe(false);
    const difference = left.map((sample, index) => sample - (right[index] ?? 0));
    expect(rmsOf([difference])).toBeGreaterThan(0.5 * rmsOf(loopOf('beach').channels));
  });

  it('lets the beach bed rise and fall slowly, with no wave in it: under 1.5 dB from one second to the next', () => {
    const levels = windowLevels(loopOf('beach'), 1);
    const steps = levels.slice(1).map((level, index) => Math.abs(level - (levels[index] ?? level)));
    expect(Math.max(...steps)).toBeLessThan(1.5);
    expect(Math.max(...levels) - Math.min(...levels)).toBeLessThan(6);
  });

  it('keeps steady sounds steady: rain and brown noise vary by under 3 dB from second to second', () => {
    for (const kind of ['rain', 'brown-noise'] as const) {
      const levels = windowLevels(loopOf(kind), 1);
      expect(Math.max(...levels) - Math.min(...levels)).toBeLessThan(3);
    }
  });

  it('keeps brown noise warm: its sample-to-sample change is small next to its level', () => {
    const left = channelOf(loopOf('brown-noise'));
    const steps = left.map((sample, index) => sample - (left[index - 1] ?? sample));
    expect(rmsOf([steps])).toBeLessThan(0.1 * rmsOf([left]));
  });

  it('bakes no bird into the forest wind: no moment stands out above it in the treble', () => {
    expect(trebleMomentsStandingOut(loopOf('forest'))).toBe(0);
  });

  it('rejects a loop too short to hold a single frame', () => {
    expect(() => synthAmbienceLoop('rain', sampleRate, 0)).toThrow(RangeError);
    expect(() => synthAmbienceLoop('rain', sampleRate, Number.NaN)).toThrow(RangeError);
  });
});
