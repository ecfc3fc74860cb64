import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { readDatabase, readDownload } from './harness/data-pages';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const saveState = (page: Page) => page.locator('lull-writing-editor').getByRole('status').first();

/** The text of the element that has focus, looking inside shadow roots. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent.trim() ?? '';
  });

const screens = [
  { screen: 'journal', path: '/journal', store: 'journal', start: 'New entry', field: 'Your entry', section: 'journal' },
  { screen: 'letters', path: '/letters', store: 'letters', start: 'Write a letter', field: 'Your letter', section: 'letters' },
] as const;

describe('Done on a full disk', () => {
  it.each(screens)('keeps the $screen editor open with what was written, its message and "Export now", and closes it once saved', async ({ path, store, start, field, section }) => {
    app = await openApp(path);
    const { page } = app;
    // As in the journal's full-disk test: a write to this store throws QuotaExceededError while `fullDisk` is set.
    await page.addInitScript((full: string) => {
      const put = Reflect.get<IDBObjectStore, 'put'>(IDBObjectStore.prototype, 'put');
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((globalThis as { fullDisk?: boolean }).fullDisk && this.name === full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    }, store);
    await page.reload();
    await page.getByRole('button', { name: start }).click();
    const editor = page.getByLabel(field, { exact: true });
    await editor.fill('Saved before the disk filled up');
    await eventually(() => saveState(page).innerText()).toBe('Saved');
    await page.evaluate(() => ((globalThis as { fullDisk?: boolean }).fullDisk = true));
    const draft = 'Saved before the disk filled up, and then the words that matter most';
    await editor.fill(draft);
    const alert = page.locator('lull-writing-editor').getByRole('alert');
    await eventually(() => alert.innerText()).toContain('What you wrote is still here.');

    await page.getByRole('button', { name: 'Done' }).click();
    await eventually(() => focusedText(page)).toBe('Export now');
    expect(await editor.inputValue()).toBe(draft);
    expect(await alert.innerText()).toContain('This device has no storage space left for Lull, so this was not saved. What you wrote is still here.');
    expect(await saveState(page).innerText()).toBe('Not saved');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export now' }).click();
    const exported = JSON.parse(await readDownload(await download)) as Record<string, { text: string }[]>;
    expect(exported[section]?.map((item) => item.text)).toEqual([draft]);

    await page.evaluate(() => ((globalThis as { fullDisk?: boolean }).fullDisk = false));
    await page.getByRole('button', { name: 'Done' }).click();
    await eventually(() => editor.count()).toBe(0);
    const stored = ((await readDatabase(page))?.[store] ?? []) as { text: string }[];
    expect(stored.map((item) => item.text)).toEqual([draft]);
    expect(app.problems).toEqual([]);
  });
});
