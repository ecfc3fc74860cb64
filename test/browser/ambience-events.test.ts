import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommonManifest } from '../../src/engine/pack-manifest';
import type { TimelineEvent } from '../../src/engine/timeline';
import { listenSeed } from '../../src/engine/seeded-random';
import { compilerPlan } from '../helpers/shipped-plan';
import { audioStarts, recordAudioStarts, type StartCall } from './harness/audio-starts';
import { openApp, type OpenedApp } from './harness/page';

const sessionId = 'self-soothing';
const common = JSON.parse(readFileSync('public/packs/common/common.json', 'utf8')) as CommonManifest;
const rain = common.ambience.rain;
const rainEvents = rain.events ?? [];
const rainEnd = Math.max(...rainEvents.map((clip) => clip.start + clip.duration));
const fromRainFile = (call: StartCall) => Math.abs(call.bufferDuration - rainEnd) < 0.6;
/** The page's randomness, made known so the test knows where this listen's drops fall. */
const pageRandom = 0.318;

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the ambience in a session', () => {
  it('loops the rain’s bed and plays its drops over it from the same file, each where the plan puts it', async () => {
    app = await openApp(`/session/${sessionId}?minutes=5`, undefined, async (page) => {
      await recordAudioStarts(page);
      await page.addInitScript((value) => {
        Math.random = () => value;
      }, pageRandom);
    });
    const { page } = app;
    await page.getByRole('button', { name: 'Start' }).click();
    const plan = compilerPlan(sessionId, 5, {}, listenSeed(sessionId, () => pageRandom));
    const bedAt = plan.events.find((event) => event.kind === 'ambience')?.at ?? Number.NaN;
    const drops = plan.events.filter((event): event is Extract<TimelineEvent, { kind: 'ambience-event' }> => event.kind === 'ambience-event');
    await expect.poll(async () => (await audioStarts(page)).filter((call) => fromRainFile(call) && !call.loop).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const starts = (await audioStarts(page)).filter(fromRainFile);
    const bed = starts.find((call) => call.loop);
    const played = starts.filter((call) => !call.loop);
    expect(bed).toBeDefined();
    played.slice(0, 2).forEach((call, index) => {
      const drop = drops[index];
      const clip = drop ? rainEvents[drop.variant] : undefined;
      expect(call.offset).toBeCloseTo(clip?.start ?? Number.NaN, 6);
      expect(call.duration).toBeCloseTo(clip?.duration ?? Number.NaN, 6);
      expect(call.when - (bed?.when ?? 0)).toBeCloseTo((drop?.at ?? Number.NaN) - bedAt, 6);
    });
    expect(app.problems).toEqual([]);
  });
});
