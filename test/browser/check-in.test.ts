import { afterEach, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { openApp, type OpenedApp } from './harness/page';

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
    await app.page.locator('#position').evaluate((input: HTMLInputElement) => {
      input.value = String(Number(input.max) - 1);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const after = app.page.getByRole('group', { name: 'And how do you feel now?' });
    await after.waitFor({ timeout: 15_000 });
    await after.getByRole('radio', { name: 'Lighter' }).check();
    const compare = app.page.getByLabel('Before and after');
    await expect.poll(() => compare.innerText()).toMatch(/Before: Heavy\s+After: Lighter/u);
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    await app.page.getByRole('button', { name: 'Save this check-in' }).click();
    await app.page.getByRole('link', { name: 'See them all' }).click();
    const history = app.page.getByRole('list', { name: 'Your check-ins' });
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toMatch(/Before: Heavy\s+After: Lighter/u);
    expect(await app.page.getByText(/streak/u).innerText()).toBe('How you felt before and after your sessions. There is no streak to keep: come back whenever it helps.');
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('says kindly that there is nothing yet', async () => {
    app = await openApp('/check-ins');
    await app.page.getByText('Nothing here yet.', { exact: false }).waitFor();
  });
});
