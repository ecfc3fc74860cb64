import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackupText } from '../../src/storage/backup-file';
import type { BackupData } from '../../src/storage/backup-format';
import { seriousAxeViolations } from './harness/axe';
import { readDatabase, readDownload } from './harness/data-pages';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const seed: BackupData = {
  exportedAt: 1_764_000_000_000,
  settings: [{ key: 'voiceVolume', value: 0.7 }],
  journal: [
    { id: 'j-1', createdAt: 1_763_000_000_000, updatedAt: 1_763_000_100_000, text: 'שָׁלוֹם 🙂\nA second line', prompt: null },
    { id: 'j-2', createdAt: 1_763_100_000_000, updatedAt: 1_763_100_000_000, text: '', prompt: 'What did you need to hear?' },
  ],
  letters: [{ id: 'l-1', createdAt: 1_763_200_000_000, updatedAt: 1_763_200_000_000, title: 'Dear little one', text: 'You were always enough.' }],
  recordings: [{ id: 'r-1', slot: 'letter', mimeType: 'audio/webm;codecs=opus', createdAt: 1_763_300_000_000, durationMs: 1500, complete: true, bytes: new Uint8Array(5000).map((_, index) => index % 256) }],
  checkIns: [{ id: 'c-1', at: 1_763_400_000_000, moodBefore: 2, moodAfter: 4, feeling: 'tired', need: 'rest' }],
  sessionHistory: [{ id: 's-1', sessionId: 'long-exhale', startedAt: 1_763_500_000_000, endedAt: null, lengthMinutes: 5, completed: false, moodBefore: null, moodAfter: null }],
  resumePositions: [{ sessionId: 'long-exhale', positionSeconds: 42.5, lengthMinutes: 5, choices: {}, updatedAt: 1_763_500_042_500 }],
  breathPatterns: [{ id: 'p-1', name: 'Slow evening', inhale: 4, hold: 2, exhale: 7, rest: 1, createdAt: 1_763_600_000_000 }],
  supportContacts: [{ id: 'sc-1', name: 'Dr. Rivera', phone: '+1 555 0100', note: 'Tuesdays', createdAt: 1_763_700_000_000 }],
  madeSessions: [],
};

async function importFile(opened: OpenedApp, name: string, contents: string): Promise<void> {
  await opened.page.getByLabel('Import a backup').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

const importResult = (page: Page) => page.locator('lull-your-data-view').getByRole('status').filter({ hasText: /^(Added|Nothing new|The backup was empty)/u });

describe('your data', () => {
  it('exports everything to one file and imports it back exactly; importing it twice creates no duplicates', async () => {
    app = await openApp('/your-data');
    const { page } = app;
    await page.getByRole('button', { name: 'Export everything' }).waitFor();
    await expect.poll(() => page.getByLabel('Import a backup').isEnabled()).toBe(true);
    await importFile(app, 'seed.json', writeBackupText(seed));
    await expect.poll(() => importResult(page).innerText()).toMatch(/^Added 1 setting, 2 journal entries, 1 letter, 1 recording/u);
    const before = await readDatabase(page);
    expect(before?.journal).toHaveLength(2);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^lull-backup-\d{4}-\d{2}-\d{2}\.json$/u);
    const exported = await readDownload(file);
    await expect.poll(() => page.getByText(/^Last backup: /u).count()).toBe(1);

    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect.poll(() => page.getByText('Everything was deleted.', { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    expect(await readDatabase(page)).toBeNull();

    await page.reload();
    await expect.poll(() => page.getByLabel('Import a backup').isEnabled()).toBe(true);
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Import a backup').click();
    await (await chooser).setFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => importResult(page).innerText()).toMatch(/^Added /u);
    expect(await readDatabase(page)).toEqual(before);

    await importFile(app, 'again.json', exported);
    await expect.poll(() => importResult(page).innerText()).toBe('Nothing new to add. Skipped 10 records already here, unchanged.');
    expect(await readDatabase(page)).toEqual(before);
    expect(await page.getByRole('list', { name: 'Stored on this device' }).innerText()).toContain('2 journal entries');
    expect(app.problems).toEqual([]);
  });

  it('lists every problem of a bad file and changes nothing', async () => {
    app = await openApp('/your-data');
    const { page } = app;
    await expect.poll(() => page.getByLabel('Import a backup').isEnabled()).toBe(true);
    await importFile(app, 'seed.json', writeBackupText(seed));
    await expect.poll(() => importResult(page).count()).toBe(1);
    const before = await readDatabase(page);
    const broken = JSON.parse(writeBackupText(seed)) as { journal: Record<string, unknown>[]; version: number };
    broken.journal.push({ ...broken.journal[0], id: 'j-3', text: 'x'.repeat(200_001) }, { ...broken.journal[0], id: 'j-4' });
    await importFile(app, 'broken.json', JSON.stringify(broken).replace('"id":"j-4"', '"__proto__":{"polluted":true},"id":"j-4"'));
    const problems = page.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem');
    await expect.poll(() => problems.count()).toBeGreaterThan(0);
    expect(await problems.allInnerTexts()).toEqual(['journal[2].text: must be text of at most 200000 characters', 'journal[3].__proto__: is a name a backup may never use']);
    expect(await page.evaluate(() => ({} as { polluted?: unknown }).polluted)).toBeUndefined();
    expect(await page.getByText('This file was not imported, and nothing here was changed.').count()).toBe(1);
    expect(await readDatabase(page)).toEqual(before);
  });

  it('deletes everything: the database, every cache and service worker, and says nothing remains', async () => {
    app = await openApp('/your-data');
    const { page } = app;
    await expect.poll(() => page.getByLabel('Import a backup').isEnabled()).toBe(true);
    await importFile(app, 'seed.json', writeBackupText(seed));
    await expect.poll(() => importResult(page).count()).toBe(1);
    await page.evaluate(async () => {
      await (await caches.open('lull-test')).put('/cached', new Response('cached'));
    });
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    const confirm = page.getByRole('group', { name: 'Confirm deleting everything' });
    expect(await confirm.innerText()).toContain('2 journal entries, 1 letter, 1 recording, 1 check-in, 1 session in your history, 1 breathing pattern, 1 support contact');
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    const deleted = page.locator('lull-your-data-view').getByRole('status').filter({ hasText: /Everything was deleted|Deleted, except/u });
    await expect.poll(() => deleted.allInnerTexts(), { timeout: 10_000 }).toEqual(['Everything was deleted. Nothing of yours remains on this device.']);
    expect(await readDatabase(page)).toBeNull();
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.getByText('Nothing of yours yet.').count()).toBe(1);
  });

  it('has no serious accessibility violations, in light and dark, and breaks no CSP rule', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openApp('/your-data');
      await app.page.emulateMedia({ colorScheme });
      await expect.poll(() => app?.page.getByLabel('Import a backup').isEnabled()).toBe(true);
      await importFile(app, 'seed.json', writeBackupText(seed));
      const { page } = app;
      await expect.poll(() => importResult(page).count()).toBe(1);
      await app.page.getByRole('button', { name: 'Delete everything…' }).click();
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      expect(app.problems).toEqual([]);
      await app.close();
      app = undefined;
    }
  });
});
