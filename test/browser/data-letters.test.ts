import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { readDatabase } from './harness/data-pages';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const saveState = (page: Page) => page.locator('lull-writing-editor').getByRole('status');

async function storedLetters(page: Page): Promise<{ title: string; text: string }[]> {
  return ((await readDatabase(page))?.letters ?? []) as { title: string; text: string }[];
}

describe('letters to your younger self', () => {
  it('writes a letter with a title, keeps it as it is typed, and lists it newest first', async () => {
    app = await openApp('/letters');
    const { page } = app;
    await expect.poll(() => page.getByText('No letters yet.', { exact: false }).count()).toBe(1);
    await page.getByRole('button', { name: 'Write a letter' }).click();
    await page.getByLabel('Your letter', { exact: true }).fill('Dear you,\nيا صغيري، أنت بأمان الآن 🌙');
    await expect.poll(() => saveState(page).innerText()).toBe('Saved');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Write a letter' }).click();
    await page.getByLabel('Title').fill('For the girl on the swing');
    await page.getByLabel('Your letter', { exact: true }).fill('You can rest now.');
    await expect.poll(() => saveState(page).innerText()).toBe('Saved');
    await page.getByRole('button', { name: 'Done' }).click();
    const letters = page.getByRole('list', { name: 'Letters' });
    await expect.poll(() => letters.getByRole('heading').allInnerTexts()).toEqual(['For the girl on the swing', 'To my younger self']);
    expect(await letters.getByRole('listitem').nth(1).innerText()).toContain('Dear you,');
    expect((await storedLetters(page)).map((letter) => letter.title).sort()).toEqual(['', 'For the girl on the swing']);
    expect(app.problems).toEqual([]);
  });

  it('changes a letter, and deletes one only after asking', async () => {
    app = await openApp('/letters');
    const { page } = app;
    await page.getByRole('button', { name: 'Write a letter' }).click();
    await page.getByLabel('Your letter', { exact: true }).fill('First words');
    await expect.poll(() => saveState(page).innerText()).toBe('Saved');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: /^Read or change/u }).click();
    expect(await page.getByLabel('Your letter', { exact: true }).inputValue()).toBe('First words');
    await page.getByLabel('Your letter', { exact: true }).fill('Better words');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await storedLetters(page)).map((letter) => letter.text)).toEqual(['Better words']);
    await page.getByRole('button', { name: /^Delete/u }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await storedLetters(page)).toHaveLength(1);
    await page.getByRole('button', { name: /^Delete/u }).click();
    await page.getByRole('button', { name: 'Delete letter' }).click();
    await expect.poll(async () => (await storedLetters(page)).length).toBe(0);
    await expect.poll(() => page.getByText('No letters yet.', { exact: false }).count()).toBe(1);
    expect(app.problems).toEqual([]);
  });

  it('keeps a letter too long to store on screen, saves what fits and says so', async () => {
    app = await openApp('/letters');
    const { page } = app;
    await page.getByRole('button', { name: 'Write a letter' }).click();
    const text = `${'b'.repeat(200_000)} and more`;
    await page.getByLabel('Your letter', { exact: true }).fill(text);
    await expect.poll(() => page.locator('lull-writing-editor').getByRole('alert').innerText()).toContain('This letter has reached the most one letter can hold');
    await expect.poll(() => saveState(page).innerText()).toBe('Saved');
    expect(await page.getByLabel('Your letter', { exact: true }).inputValue()).toBe(text);
    expect((await storedLetters(page)).map((letter) => letter.text)).toEqual([text.slice(0, 200_000)]);
  });

  it('has no serious accessibility violations, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openApp('/letters');
      await app.page.emulateMedia({ colorScheme });
      await app.page.getByRole('button', { name: 'Write a letter' }).click();
      await app.page.getByLabel('Your letter', { exact: true }).fill('A letter for the list');
      const { page } = app;
      await expect.poll(() => saveState(page).innerText()).toBe('Saved');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('list', { name: 'Letters' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(app.problems).toEqual([]);
      await app.close();
      app = undefined;
    }
  });
});
