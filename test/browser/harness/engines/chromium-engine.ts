import type { Browser, ElementHandle, Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import type { Engine, EnginePage } from './driver';
import { reportCspViolations } from './page-problems';
import { scriptedPage } from './scripted-page';

/** Chromium through Playwright, headless, as every other browser test runs it. */
export async function startChromium(): Promise<Engine> {
  const browser: Browser = await launchChromium();
  return {
    name: 'chromium',
    open: async (url) => {
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      await page.addInitScript(reportCspViolations);
      const opened = chromiumPage(page, new URL(url).origin, problems, () => context.close());
      await opened.goto(url);
      return opened;
    },
    stop: () => browser.close(),
  };
}

function chromiumPage(page: Page, origin: string, problems: string[], close: () => Promise<void>): EnginePage {
  // The expressions name elements only (the finder returns Elements).
  const element = async (expression: string): Promise<ElementHandle> => (await page.evaluateHandle<Element>(expression)).asElement();
  return scriptedPage('chromium', origin, {
    evaluate: (expression) => page.evaluate(expression),
    click: async (expression) => {
      await (await element(expression)).click();
    },
    type: async (expression, text) => {
      await (await element(expression)).click();
      await page.keyboard.type(text);
    },
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    problems: () => Promise.resolve([...problems]),
    close,
  });
}
