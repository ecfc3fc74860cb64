import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryIndex } from '../../src/engine/pack-manifest';
import { shippedPlan } from '../helpers/shipped-plan';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';
import { seekTo } from './harness/seek';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const library = JSON.parse(readFileSync('public/packs/index.json', 'utf8')) as LibraryIndex;

describe('every practice', () => {
  it.each(library.sessions.map((entry) => [entry.title, entry.id, entry.length.min] as const))('%s plays to its end', async (_title, id, minutes) => {
    app = await openApp(`/session/${id}?minutes=${String(minutes)}`);
    await app.page.getByRole('button', { name: 'Start' }).waitFor();
    const consent = app.page.getByRole('checkbox', { name: /I understand/u });
    if ((await consent.count()) > 0) await consent.check();
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('button', { name: /Pause|Continue/u }).waitFor();
    await seekTo(app.page, Math.floor(shippedPlan(id, minutes).duration) - 3);
    await app.page.getByRole('button', { name: 'Play again' }).waitFor({ timeout: 15_000 });
    await app.page.getByRole('group', { name: 'How do you feel now?' }).waitFor();
    expect(app.problems).toEqual([]);
  });
});

describe('the butterfly hug', () => {
  it('lights the left and the right side in turn with each tap, and vibrates with it when asked', async () => {
    app = await openApp('/butterfly-hug?minutes=5', undefined, (page) =>
      page.addInitScript(() => {
        const pulses: number[] = [];
        (window as unknown as { lullPulses: number[] }).lullPulses = pulses;
        navigator.vibrate = () => {
          pulses.push(performance.now());
          return true;
        };
      }),
    );
    const plan = shippedPlan('butterfly-hug', 5);
    const taps = plan.steps.find((step) => step.kind === 'taps');
    if (!taps) throw new Error('no taps in the butterfly hug');
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByText('Sound and captions').click();
    await app.page.getByRole('checkbox', { name: 'Vibrate with each tap' }).check();
    await seekTo(app.page, Math.ceil(taps.at));
    const lit = app.page.locator('svg.sides circle.lit');
    const sides = new Set<string>();
    // Each side lights in turn: look until both have been seen lit.
    await eventually(async () => {
      const side = (await lit.count()) > 0 ? await lit.first().getAttribute('data-side') : null;
      if (side) sides.add(side);
      return [...sides].sort();
    }, 15_000).toEqual(['left', 'right']);
    const pulses = await app.page.evaluate(() => (window as unknown as { lullPulses: number[] }).lullPulses.length);
    expect(pulses).toBeGreaterThanOrEqual(2);
    expect(app.problems).toEqual([]);
  });

  it('says so on a device that cannot vibrate', async () => {
    app = await openApp('/butterfly-hug?minutes=5', undefined, (page) =>
      page.addInitScript(() => {
        Reflect.deleteProperty(Navigator.prototype, 'vibrate');
      }),
    );
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByText('Sound and captions').click();
    await app.page.getByText('This device cannot vibrate, so the taps are sound and light only.').waitFor();
  });
});
