import { afterEach, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { readDatabase, readDownload } from './harness/data-pages';
import { openApp, type OpenedApp } from './harness/page';
import { seekTo } from './harness/seek';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('check-ins', () => {
  it('asks how the person feels before and after a session, shows both side by side, and keeps them', async () => {
    app = await openApp('/check-in?minutes=2');
    await app.page.getByRole('group', { name: /How do you feel right now/u }).getByRole('radio', { name: 'Heavy', exact: true }).check();
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    // Go to the end: the last seconds play out, then the question comes again.
    await seekTo(app.page, { fromEnd: 1 });
    const after = app.page.getByRole('group', { name: 'How do you feel now?' });
    await after.waitFor({ timeout: 15_000 });
    // One tap keeps it: no second button to press.
    await after.getByRole('radio', { name: 'Light', exact: true }).check();
    const compare = app.page.getByLabel('Before and after');
    await expect.poll(() => compare.innerText()).toMatch(/Before: Heavy\s+After: Light/u);
    await app.page.getByRole('status').filter({ hasText: 'Saved to your check-ins' }).waitFor();
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    await app.page.getByRole('link', { name: 'See them all' }).click();
    const history = app.page.getByRole('list', { name: 'Your check-ins' });
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toMatch(/Before: Heavy\s+After: Light/u);
    expect(await app.page.getByText(/streak/u).innerText()).toBe('How you felt before and after your sessions. There is no streak to keep: come back whenever it helps.');
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('says kindly that there is nothing yet', async () => {
    app = await openApp('/check-ins');
    await app.page.getByText('Nothing here yet.', { exact: false }).waitFor();
  });

  it('keeps a daily reminder the person sets, hands it to their calendar, and turns it off', async () => {
    app = await openApp('/check-ins');
    const { page } = app;
    const reminder = page.locator('lull-reminder-settings');
    await reminder.getByText('No reminder is set.').waitFor();
    await reminder.getByRole('button', { name: 'Save time' }).click();
    expect(await reminder.getByRole('alert').innerText()).toBe('Choose a time first: hours and minutes, like 08:30.');
    await reminder.getByLabel('Time of day').fill('07:45');
    await reminder.getByRole('button', { name: 'Save time' }).click();
    await expect.poll(() => reminder.getByRole('status').innerText()).toContain('Saved: 07:45 every day.');
    expect(await reminder.getByRole('alert').count()).toBe(0);
    const settings = (await readDatabase(page))?.settings as { key: string; value: unknown }[];
    expect(settings).toContainEqual({ key: 'checkInReminderTime', value: '07:45' });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    const download = page.waitForEvent('download');
    await reminder.getByRole('button', { name: 'Add to my calendar' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('lull-daily-check-in.ics');
    const calendar = (await readDownload(file)).replace(/\r\n /gu, '');
    expect(calendar).toMatch(/^DTSTART:\d{8}T074500\r$/mu);
    expect(calendar).toContain('RRULE:FREQ=DAILY');
    expect(calendar).toContain(`URL:${new URL('/check-in', page.url()).href}`);
    // It stays after a reload, and goes when turned off.
    await page.reload();
    await expect.poll(() => reminder.getByLabel('Time of day').inputValue()).toBe('07:45');
    await reminder.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => reminder.getByRole('status').innerText()).toContain('delete the event “A moment for yourself”');
    await reminder.getByText('No reminder is set.').waitFor();
    expect(app.problems).toEqual([]);
  });
});
