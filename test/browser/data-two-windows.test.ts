import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { journalTexts } from './harness/data-pages';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const saveState = (page: Page) => page.locator('lull-writing-editor').getByRole('status').first();
const editorAlert = (page: Page) => page.locator('lull-writing-editor').getByRole('alert');
const entryHeadings = (page: Page) => page.getByRole('list', { name: 'Journal entries' }).getByRole('heading');

/** The journal open in two windows (two pages of one browser profile), with the second one's problems collected too. */
async function twoWindows(): Promise<{ first: Page; second: Page; problems: string[] }> {
  app = await openApp('/journal');
  const { problems } = app;
  const second = await app.context.newPage();
  second.on('pageerror', (error) => problems.push(`second window: ${error.message}`));
  second.on('console', (message) => {
    if (message.type() === 'error') problems.push(`second window: ${message.text()}`);
  });
  await second.goto(new URL('/journal', inject('baseUrl')).href);
  await second.getByRole('button', { name: 'New entry' }).waitFor();
  return { first: app.page, second, problems };
}

describe('the journal in two windows', () => {
  it('shows in one window what the other saved or deleted, and keeps a deleted entry deleted', async () => {
    const { first, second, problems } = await twoWindows();
    await first.getByRole('button', { name: 'New entry' }).click();
    await first.getByLabel('Your entry').fill('Written in the first window');
    await eventually(() => saveState(first).innerText()).toBe('Saved');
    await eventually(() => entryHeadings(second).allInnerTexts()).toEqual(['Written in the first window']);
    const id = await second.locator('li[data-id]').getAttribute('data-id');

    await second.getByRole('button', { name: /^Edit/u }).click();
    expect(await second.getByLabel('Your entry').inputValue()).toBe('Written in the first window');
    await first.getByLabel('Your entry').fill('Written in the first window, then changed there');
    await eventually(() => second.getByLabel('Your entry').inputValue()).toBe('Written in the first window, then changed there');
    expect(await second.getByText('This entry was changed in another window or tab. You are seeing its newest version.').count()).toBe(1);
    expect(await saveState(second).innerText()).toBe('Saved');

    await first.getByRole('button', { name: 'Done' }).click();
    await first.getByRole('button', { name: /^Delete/u }).click();
    await first.getByRole('button', { name: 'Delete entry' }).click();
    await eventually(() => editorAlert(second).innerText()).toContain('This entry was deleted in another window or tab. What you see here is now only on this screen.');
    expect(await seriousAxeViolations(second)).toEqual([]);
    await second.getByLabel('Your entry').fill('Written in the first window, then changed there, and kept in the second');
    await eventually(() => editorAlert(second).innerText()).toContain('What you wrote here is kept: it is saved as a new entry.');
    await eventually(() => saveState(second).innerText()).toBe('Saved');

    const stored = await journalTexts(second);
    expect(stored.has(id ?? '')).toBe(false);
    expect([...stored.values()]).toEqual(['Written in the first window, then changed there, and kept in the second']);
    await eventually(() => entryHeadings(first).allInnerTexts()).toEqual(['Written in the first window, then changed there, and kept in the second']);
    expect(problems).toEqual([]);
  });

  it('never overwrites silently when both windows change one entry at once: both versions are kept and the window behind is told', async () => {
    const { first, second, problems } = await twoWindows();
    const rounds = 6;
    let silentOverwrites = 0;
    let told = 0;
    for (let round = 1; round <= rounds; round += 1) {
      await first.getByRole('button', { name: 'New entry' }).click();
      await first.getByLabel('Your entry').fill(`Round ${String(round)}, as first written`);
      await eventually(() => saveState(first).innerText()).toBe('Saved');
      // Opened afresh, so this test counts overwrites even where windows do not tell each other about saves.
      await second.reload();
      await eventually(() => entryHeadings(second).first().innerText()).toBe(`Round ${String(round)}, as first written`);
      await second.getByRole('button', { name: /^Edit/u }).first().click();
      expect(await second.getByLabel('Your entry').inputValue()).toBe(`Round ${String(round)}, as first written`);

      const versions = [`Round ${String(round)}, changed in the first window`, `Round ${String(round)}, changed in the second window`];
      await Promise.all([first.getByLabel('Your entry').fill(versions[0] ?? ''), second.getByLabel('Your entry').fill(versions[1] ?? '')]);
      await Promise.all([eventually(() => saveState(first).innerText()).toBe('Saved'), eventually(() => saveState(second).innerText()).toBe('Saved')]);

      const stored = [...(await journalTexts(first)).values()];
      silentOverwrites += versions.filter((version) => !stored.includes(version)).length;
      for (const page of [first, second]) {
        const alerts = await editorAlert(page).allInnerTexts();
        if (alerts.some((text) => text.includes('Both versions are kept: what you wrote here is now saved as a separate entry'))) told += 1;
      }
      await Promise.all([first.getByRole('button', { name: 'Done' }).click(), second.getByRole('button', { name: 'Done' }).click()]);
    }
    console.info(`two-window test: ${String(rounds)} rounds of both windows saving one entry at once; silent overwrites: ${String(silentOverwrites)}; the window behind was told ${String(told)} times`);
    expect(silentOverwrites).toBe(0);
    expect(told).toBe(rounds);
    await eventually(() => entryHeadings(first).count()).toBe(rounds * 2);
    expect(problems).toEqual([]);
  });
});
