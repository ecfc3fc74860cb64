import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The browser's answer to "keep this site's storage", as Safari gives it to a site that is not installed (false) or an installed app (true). */
const browserKeepsStorage = (kept: boolean) => (page: Page) =>
  page.addInitScript((answer: boolean) => {
    const storage = navigator.storage;
    storage.persisted = () => Promise.resolve(answer);
    storage.persist = () => Promise.resolve(answer);
  }, kept);

async function writeAnEntry(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByLabel('Your entry').fill(text);
  await eventually(() => page.locator('lull-writing-editor').getByRole('status').innerText()).toBe('Saved');
  await page.getByRole('button', { name: 'Done' }).click();
}

const notice = (page: Page) => page.getByRole('complementary', { name: 'Keeping your words' });

describe('keeping one’s words where the browser may clear them', () => {
  it('tells the person once, after their first saved words, how to keep them, with the last backup at hand', async () => {
    app = await openApp('/journal', undefined, browserKeepsStorage(false));
    const { page } = app;
    await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    expect(await notice(page).count()).toBe(0);
    await writeAnEntry(page, 'The garden after rain.');
    await eventually(() => notice(page).count()).toBe(1);
    expect(await notice(page).innerText()).toContain('install Lull on this device, or save a backup now and then. You have no backup yet.');
    expect(await notice(page).getByRole('link', { name: 'Save a backup' }).getAttribute('href')).toBe('/your-data');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await notice(page).getByRole('button', { name: 'Got it' }).click();
    await eventually(() => notice(page).count()).toBe(0);
    // Once told, never again: not after a reload, not after more writing.
    await page.reload();
    await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    await writeAnEntry(page, 'And the smell of the soil.');
    await eventually(() => page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem').count()).toBe(2);
    expect(await notice(page).count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('says nothing where the browser has promised to keep the storage (an installed app)', async () => {
    app = await openApp('/journal', undefined, browserKeepsStorage(true));
    const { page } = app;
    await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    await writeAnEntry(page, 'A quiet morning.');
    // The app asked the browser and heard its answer before anything could be shown.
    await eventually(() => page.evaluate(async () => navigator.storage.persisted())).toBe(true);
    await eventually(() => page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem').count()).toBe(1);
    expect(await notice(page).count()).toBe(0);
    expect(app.problems).toEqual([]);
  });
});
