import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryIndex } from '../../src/engine/pack-manifest';
import { seriousAxeViolations } from './harness/axe';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const library = JSON.parse(readFileSync('public/packs/index.json', 'utf8')) as LibraryIndex;
const phone = { width: 360, height: 740 };
const desktop = { width: 1280, height: 800 };

describe('the library as a place to arrive', () => {
  it('opens a session from anywhere on its card, not only from its title', async () => {
    app = await openApp('/', phone);
    const { page } = app;
    const entry = library.sessions.find((session) => session.id === 'safe-space');
    if (!entry) throw new Error('no safe-space in the library');
    const card = page.locator(`[data-session="${entry.id}"]`);
    await card.getByText(entry.description).click();
    await eventually(() => new URL(page.url()).pathname).toBe('/session/safe-space');
    await page.getByRole('heading', { name: entry.title, level: 1 }).waitFor();
    expect(app.problems).toEqual([]);
  });

  it('offers a clear place to start on a first visit, on the first screen of a phone', async () => {
    app = await openApp('/', phone);
    const { page } = app;
    const start = page.getByRole('link', { name: /^Start here/u });
    await start.waitFor();
    const box = await start.boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(phone.height);
    await start.click();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    expect(app.problems).toEqual([]);
  });

  it('gives each practice its own artwork, with its length and whether it is kept offline at a glance', async () => {
    app = await openApp('/', phone);
    const { page } = app;
    await page.locator('[data-session]').first().waitFor();
    const drawings = new Set<string>();
    for (const entry of library.sessions) {
      const card = page.locator(`[data-session="${entry.id}"]`);
      const art = card.locator('svg.art');
      expect(await art.count()).toBe(1);
      expect(await art.locator('circle, path, rect, ellipse').count()).toBeGreaterThanOrEqual(3);
      drawings.add(await art.evaluate((drawing) => new XMLSerializer().serializeToString(drawing)));
      expect(await card.innerText()).toMatch(/\d+(–\d+)? min/u);
      // Kept on the device or not: "Ready offline ✓" (for the break, "Always ready offline", kept on the first
      // visit, so it may still be waiting or downloading), else a Download button.
      await expect.poll(() => card.getByText(/ready offline|download|waiting/iu).count(), { timeout: 20_000, message: entry.id }).toBeGreaterThan(0);
    }
    expect(drawings.size).toBe(library.sessions.length);
    expect(app.problems).toEqual([]);
  });

  it('uses a desktop’s width: the sessions in a grid, the journal and tools beside them', async () => {
    app = await openApp('/', desktop);
    const { page } = app;
    await page.locator('[data-session]').first().waitFor();
    const tops = await page.locator('[data-session]').evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().top)));
    const perRow = Math.max(...[...new Set(tops)].map((top) => tops.filter((other) => other === top).length));
    expect(perRow).toBeGreaterThanOrEqual(3);
    const aside = page.getByRole('complementary', { name: 'Your space' });
    await aside.getByRole('link', { name: /Journal/u }).waitFor();
    const asideBox = await aside.boundingBox();
    const firstCard = await page.locator('[data-session]').first().boundingBox();
    expect(asideBox?.x ?? 0).toBeGreaterThan((firstCard?.x ?? Infinity) + (firstCard?.width ?? 0));
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2400);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    expect(app.problems).toEqual([]);
  });
});
