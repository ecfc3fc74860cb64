import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Every screen, each with a heading that says it is ready. */
const screens = [
  ['/', 'Sessions'],
  ['/session/safe-space', 'Your safe place'],
  ['/breathe', 'Breathe'],
  ['/journal', 'Journal'],
  ['/letters', 'Letters to your younger self'],
  ['/check-ins', 'Check-ins'],
  ['/your-data', 'Your data'],
  ['/about', 'About Lull'],
  ['/break', 'Take a break'],
] as const;

describe('the layout on a 320 px phone', () => {
  it('fits every screen without sideways scrolling, with controls large enough to touch', async () => {
    app = await openApp('/', { width: 320, height: 640 });
    const { page } = app;
    const problems: string[] = [];
    for (const [path, heading] of screens) {
      await page.goto(new URL(path, page.url()).href);
      await page.getByRole('heading', { name: heading, level: 1, exact: true }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`${path}: ${String(overflow)} px wider than the screen`);
      // WCAG 2.2 target size (minimum): 24 × 24 CSS px for every control that is not a link inside text.
      // Measured all at once: a screen may still change (a download's state), and each control is measured as it is then.
      const controls = await page
        .locator('button:visible, input:visible, select:visible, summary:visible, a.button:visible')
        .evaluateAll((elements) => elements.map((element) => ({ name: element.getAttribute('aria-label') ?? (element as HTMLElement).innerText, box: element.getBoundingClientRect() })));
      for (const { name, box } of controls) {
        if (box.width < 24 || box.height < 24) problems.push(`${path}: "${name}" is ${box.width.toFixed(0)} × ${box.height.toFixed(0)} px`);
      }
    }
    expect(problems).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
