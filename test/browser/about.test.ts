import { afterEach, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the About page', () => {
  it('says plainly what Lull is not, where help is, and that everything stays on the device', async () => {
    app = await openApp('/');
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
    await page.getByRole('heading', { name: 'About Lull', level: 1 }).waitFor();
    const text = (await page.locator('lull-about-view').locator('p, li').allInnerTexts()).join('\n');
    expect(text).toContain('Lull is not therapy');
    expect(text).toContain('call your local emergency number');
    expect(text).toContain('A licensed therapist can help');
    expect(text).toContain('no account, no server and no tracking');
    await page.getByRole('link', { name: 'Your data' }).last().click();
    await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
    expect(app.problems).toEqual([]);
  });

  it('has no serious accessibility violations, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openApp('/about');
      await app.page.emulateMedia({ colorScheme });
      await app.page.getByRole('heading', { name: 'About Lull', level: 1 }).waitFor();
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      await app.close();
      app = undefined;
    }
  });
});
