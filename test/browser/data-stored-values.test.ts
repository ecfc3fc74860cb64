import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBackupText } from '../../src/storage/backup-file';
import type { BackupData } from '../../src/storage/backup-format';
import { putRecords, readDatabase } from './harness/data-pages';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Whether the page answers a script within `ms` (a hung page never does). */
async function respondsWithin(page: Page, ms: number): Promise<boolean> {
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (deadline = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([page.evaluate(() => true), late]);
  } finally {
    clearTimeout(deadline);
  }
}

const day = 24 * 60 * 60 * 1000;

describe('values stored by an older import or another program', () => {
  it('keeps the Breathe screen responsive when a stored pattern has a 1e-300 s inhale and is the remembered choice', async () => {
    app = await openApp('/breathe');
    const { page } = app;
    await eventually(() => page.getByRole('button', { name: 'Start', exact: true }).isEnabled()).toBe(true);
    await putRecords(page, 'breathPatterns', [{ id: 'tiny', name: 'Tiny', inhale: 1e-300, hold: 0, exhale: 0, rest: 0, createdAt: Date.now() - day }]);
    await putRecords(page, 'settings', [{ key: 'pacerChoice', value: 'pattern=tiny&minutes=5&cue=voice' }]);

    for (const path of ['/breathe', '/breathe?pattern=tiny']) {
      await page.goto(new URL(path, page.url()).href);
      const pacer = page.locator('lull-breathe-view');
      await eventually(() => pacer.getByRole('button', { name: 'Start', exact: true }).isEnabled()).toBe(true);
      expect(await respondsWithin(page, 2000)).toBe(true);
      expect(await pacer.getByRole('radio', { name: /^Long exhale/u }).isChecked()).toBe(true);
      expect(await pacer.getByRole('radio', { name: /^Tiny/u }).count()).toBe(0);
    }
    await eventually(() => page.locator('lull-breathe-view .note').innerText()).toContain('There is no breathing pattern called “tiny”, so the pacer uses Long exhale.');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await eventually(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    expect(await respondsWithin(page, 2000)).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it('renders no link for a nameless contact whose phone is a javascript: address, and lets the person remove it', async () => {
    app = await openApp('/break');
    const { page } = app;
    const contacts = page.locator('lull-support-contacts');
    await contacts.getByText('No contacts yet', { exact: false }).waitFor();
    await putRecords(page, 'supportContacts', [
      { id: 'bad', name: '', phone: 'javascript:alert(document.domain)', note: '', createdAt: Date.now() - 2 * day },
      { id: 'ana', name: 'Ana', phone: '+1 (555) 010-0199', note: 'mornings', createdAt: Date.now() - day },
    ]);
    await page.reload();
    await contacts.getByRole('link', { name: 'Call Ana' }).waitFor();
    const links = await contacts.getByRole('link').evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent.trim(), anchor.getAttribute('href')]));
    expect(links).toEqual([['Call Ana', 'tel:+15550100199']]);
    const unnamed = contacts.getByRole('listitem').filter({ hasText: 'Unnamed contact' });
    expect(await unnamed.count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await contacts.getByRole('button', { name: 'Remove Unnamed contact' }).click();
    await eventually(() => unnamed.count()).toBe(0);
    expect(await contacts.getByRole('link', { name: 'Call Ana' }).count()).toBe(1);
    expect(app.problems).toEqual([]);
  });

  it('says "No backup yet" rather than "Invalid Date" when the stored last backup is 1e300', async () => {
    app = await openApp('/your-data');
    const { page } = app;
    await page.getByText('Nothing of yours yet.').waitFor();
    await putRecords(page, 'settings', [{ key: 'lastBackupAt', value: 1e300 }]);
    await page.reload();
    // Once what is stored has been counted, the backup line shows what was read.
    await page.getByText('Nothing of yours yet.').waitFor();
    expect(await page.getByText('Invalid Date', { exact: false }).count()).toBe(0);
    expect(await page.getByText('No backup yet.').count()).toBe(1);
    expect(app.problems).toEqual([]);
  });
});

describe('importing an older backup', () => {
  const written = Date.now() - 3 * day;
  const backup: BackupData = {
    exportedAt: written + 1000,
    settings: [],
    journal: [{ id: 'j-1', createdAt: written, updatedAt: written, text: 'What I wrote before the backup', prompt: null }],
    letters: [],
    recordings: [],
    checkIns: [],
    sessionHistory: [],
    resumePositions: [],
    breathPatterns: [],
    supportContacts: [],
    madeSessions: [],
  };

  it('keeps the entry edited since, shows the backup’s text beside it as an earlier version, and says so', async () => {
    app = await openApp('/your-data');
    const { page } = app;
    const chooseFile = () => page.getByLabel('Import a backup').setInputFiles({ name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(writeBackupText(backup)) });
    const result = page.locator('lull-your-data-view').getByRole('status').filter({ hasText: /journal entr/u });
    await eventually(() => page.getByLabel('Import a backup').isEnabled()).toBe(true);
    await chooseFile();
    await eventually(() => result.count()).toBe(1);
    const firstSummary = await result.innerText();
    // Edited on this device after the backup was made, as the journal's editor saves it.
    await putRecords(page, 'journal', [{ ...backup.journal[0], text: 'What I wrote since, on this device', updatedAt: written + day }]);

    await chooseFile();
    await eventually(() => result.innerText()).not.toBe(firstSummary);
    const journal = ((await readDatabase(page))?.journal ?? []) as { id: string; text: string; earlierVersionOf?: string }[];
    expect(journal.find((entry) => entry.id === 'j-1')?.text).toBe('What I wrote since, on this device');
    expect(journal.filter((entry) => entry.id !== 'j-1').map((entry) => [entry.text, entry.earlierVersionOf])).toEqual([['What I wrote before the backup', 'j-1']]);
    expect(firstSummary).toBe('Added 1 journal entry.');
    expect(await result.innerText()).toBe(
      'Nothing new to add. Kept this device’s version of 1 journal entry, changed here since the backup. 1 other version is kept as well, marked “Earlier version”, so nothing you wrote is lost.',
    );

    await page.goto(new URL('/journal', page.url()).href);
    const entries = page.getByRole('list', { name: 'Journal entries' }).getByRole('listitem');
    await eventually(() => entries.count()).toBe(2);
    expect(await entries.filter({ hasText: 'What I wrote since, on this device' }).innerText()).not.toContain('Earlier version');
    expect(await entries.filter({ hasText: 'What I wrote before the backup' }).innerText()).toContain('Earlier version (kept when a backup was imported)');
    expect(app.problems).toEqual([]);
  });
});
