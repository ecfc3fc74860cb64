import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { journalTexts } from './harness/data-pages';
import { launchKillableChromium, type KillableChromium } from './harness/killable-chromium';
import { seededRandom } from './harness/seeded-random';

const profile = mkdtempSync(join(tmpdir(), 'lull-kill-'));
let running: KillableChromium | undefined;
afterAll(async () => {
  await running?.kill();
  rmSync(profile, { recursive: true, force: true });
});

const tabs = 5;
const targetAutosaves = 200;

const saveState = (page: Page) => page.locator('lull-writing-editor').getByRole('status');

async function waitForSaved(page: Page): Promise<void> {
  await expect.poll(() => saveState(page).innerText(), { timeout: 10_000, interval: 40 }).toBe('Saved');
}

describe('killing the browser while the person writes', () => {
  it('loses no entry that was shown as "Saved", over 200+ autosaves and repeated kills', async () => {
    const seed = Number(process.env.LULL_KILL_SEED ?? Date.now() % 100_000);
    const next = seededRandom(seed);
    const url = new URL('/journal', inject('baseUrl')).href;
    /** For each entry (by its first words), the text last shown as "Saved". */
    const confirmed = new Map<string, string>();
    let autosaves = 0;
    let kills = 0;
    let lost: string[] = [];

    const check = async (page: Page) => {
      const stored = [...(await journalTexts(page)).values()];
      lost = [...confirmed].filter(([marker, text]) => !stored.some((saved) => saved.startsWith(marker) && saved.startsWith(text))).map(([marker]) => marker);
    };

    for (let cycle = 0; autosaves < targetAutosaves; cycle += 1) {
      running = await launchKillableChromium(profile);
      const [context] = running.browser.contexts();
      if (!context) throw new Error('no browser context');
      const pages: Page[] = [];
      for (let tab = 0; tab < tabs; tab += 1) {
        const page = await context.newPage();
        await page.goto(url);
        if (tab === 0 && cycle > 0) {
          await check(page);
          expect(lost, `lost after kill ${String(kills)} (seed ${String(seed)})`).toEqual([]);
        }
        await page.getByRole('button', { name: 'New entry' }).click();
        pages.push(page);
      }
      const texts = pages.map((_, tab) => `entry ${String(cycle)}.${String(tab)}:`);
      const rounds = 4 + Math.floor(next() * 6);
      for (let round = 0; round < rounds && autosaves < targetAutosaves; round += 1) {
        await Promise.all(
          pages.map(async (page, tab) => {
            texts[tab] = `${texts[tab] ?? ''} word${String(round)} שָׁלוֹם 🙂`;
            await page.getByLabel('Your entry').fill(texts[tab] ?? '');
            expect(await saveState(page).innerText()).toBe('Saving…');
            await waitForSaved(page);
            confirmed.set(`entry ${String(cycle)}.${String(tab)}:`, texts[tab] ?? '');
            autosaves += 1;
          }),
        );
      }
      // The crash: mid-typing, mid-save or just after one, at a random moment.
      await Promise.all(pages.map((page, tab) => page.getByLabel('Your entry').fill(`${texts[tab] ?? ''} unsaved tail`)));
      await new Promise((resolve) => setTimeout(resolve, next() * 800));
      await running.kill();
      running = undefined;
      kills += 1;
    }

    running = await launchKillableChromium(profile);
    const [context] = running.browser.contexts();
    if (!context) throw new Error('no browser context');
    const page = await context.newPage();
    await page.goto(url);
    await check(page);
    await page.getByRole('list', { name: 'Journal entries' }).waitFor();
    expect(await page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(confirmed.size);
    console.info(`kill test (seed ${String(seed)}): ${String(autosaves)} autosaves shown as Saved, ${String(kills)} kills, ${String(confirmed.size)} entries, ${String(lost.length)} lost`);
    expect(lost).toEqual([]);
    expect(autosaves).toBeGreaterThanOrEqual(targetAutosaves);
  }, 120_000);
});
