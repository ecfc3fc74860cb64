import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { journalTexts, readDownload } from './harness/data-pages';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const saveState = (page: Page) => page.locator('lull-writing-editor').getByRole('status');

describe('the journal', () => {
  it('saves as the person types, says "Saved" only once it is stored, and lists entries newest first', async () => {
    app = await openApp('/journal');
    const { page } = app;
    await expect.poll(() => page.getByText('No entries yet.', { exact: false }).count()).toBe(1);
    for (const text of ['First entry\nwith a second line', 'שָׁלוֹם, ילד קטן 🙂 second']) {
      await page.getByRole('button', { name: 'New entry' }).click();
      const editor = page.getByLabel('Your entry');
      await expect.poll(() => editor.evaluate((element) => element === (element.getRootNode() as Document | ShadowRoot).activeElement)).toBe(true);
      await editor.pressSequentially(text, { delay: 5 });
      expect(await saveState(page).innerText()).toBe('Saving…');
      await expect.poll(() => saveState(page).innerText()).toBe('Saved');
      expect([...(await journalTexts(page)).values()]).toContain(text);
      await page.getByRole('button', { name: 'Done' }).click();
    }
    const headings = page.getByRole('list', { name: 'Journal entries' }).getByRole('heading');
    await expect.poll(() => headings.allInnerTexts()).toEqual(['שָׁלוֹם, ילד קטן 🙂 second', 'First entry']);
    expect(await headings.first().getAttribute('dir')).toBe('auto');
    expect(await page.getByLabel('Your entry').count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('edits an entry and deletes one only after confirming', async () => {
    app = await openApp('/journal');
    const { page } = app;
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('Your entry').fill('To be changed');
    await expect.poll(() => saveState(page).innerText()).toBe('Saved');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: /^Edit/u }).click();
    await page.getByLabel('Your entry').fill('Changed');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => [...(await journalTexts(page)).values()]).toEqual(['Changed']);
    await page.getByRole('button', { name: /^Delete/u }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect((await journalTexts(page)).size).toBe(1);
    await page.getByRole('button', { name: /^Delete/u }).click();
    await page.getByRole('button', { name: 'Delete entry' }).click();
    await expect.poll(async () => (await journalTexts(page)).size).toBe(0);
    await expect.poll(() => page.getByText('No entries yet.', { exact: false }).count()).toBe(1);
  });

  it('keeps everything typed past the 200,000-character limit on screen, saves what fits and says so', async () => {
    app = await openApp('/journal');
    const { page } = app;
    await page.getByRole('button', { name: 'New entry' }).click();
    const editor = page.getByLabel('Your entry');
    const text = `${'a'.repeat(199_990)}🙂🙂🙂🙂🙂 the end`;
    await editor.fill(text);
    await expect.poll(() => page.locator('lull-writing-editor').getByRole('alert').innerText()).toContain('the last 8 characters are only on this screen');
    await expect.poll(() => saveState(page).innerText()).toBe('Saved');
    expect(await editor.inputValue()).toBe(text);
    const [saved] = (await journalTexts(page)).values();
    expect(saved).toBe(text.slice(0, 200_000));
  });

  it('says at once when the disk is full, keeps the journal and the draft, and offers "Export now"', async () => {
    app = await openApp('/journal');
    const { page } = app;
    // DevTools' Storage.overrideQuotaForOrigin had no effect on IndexedDB writes in this Chromium (156), so the
    // full disk is simulated where the browser reports it: a write to the journal throws QuotaExceededError.
    await page.addInitScript(() => {
      const put = Reflect.get<IDBObjectStore, 'put'>(IDBObjectStore.prototype, 'put');
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((globalThis as { fullDisk?: boolean }).fullDisk && this.name === 'journal') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await page.reload();
    await page.getByRole('button', { name: 'New entry' }).click();
    await page.getByLabel('Your entry').fill('Saved before the disk filled up');
    await expect.poll(() => saveState(page).innerText()).toBe('Saved');
    await page.evaluate(() => ((globalThis as { fullDisk?: boolean }).fullDisk = true));
    const draft = `Saved before the disk filled up, and then much more: ${'words '.repeat(20_000)}`;
    await page.getByLabel('Your entry').fill(draft);
    const alert = page.locator('lull-writing-editor').getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 5000 }).toContain('This device has no storage space left for Lull, so this was not saved.');
    expect(await alert.innerText()).toContain('What you wrote is still here.');
    expect(await saveState(page).innerText()).toBe('Not saved');
    expect(await page.getByLabel('Your entry').inputValue()).toBe(draft);
    expect([...(await journalTexts(page)).values()]).toEqual(['Saved before the disk filled up']);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export now' }).click();
    const exported = JSON.parse(await readDownload(await download)) as { journal: { text: string }[] };
    expect(exported.journal.map((entry) => entry.text)).toEqual([draft]);
    await page.evaluate(() => ((globalThis as { fullDisk?: boolean }).fullDisk = false));
    await page.getByRole('button', { name: 'Try saving again' }).click();
    await expect.poll(() => saveState(page).innerText()).toBe('Saved');
    expect([...(await journalTexts(page)).values()]).toEqual([draft]);
    expect(app.problems).toEqual([]);
  });

  it('has no serious accessibility violations on the journal and its editor, in light and dark, and breaks no CSP rule', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openApp('/journal');
      await app.page.emulateMedia({ colorScheme });
      await app.page.getByRole('button', { name: 'New entry' }).click();
      await app.page.getByLabel('Your entry').fill('An entry for the list');
      const { page } = app;
      await expect.poll(() => saveState(page).innerText()).toBe('Saved');
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      await app.page.getByRole('button', { name: 'Done' }).click();
      await app.page.getByRole('list', { name: 'Journal entries' }).waitFor();
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      expect(app.problems).toEqual([]);
      await app.close();
      app = undefined;
    }
  });
});
