import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from './chromium';

export interface OpenedApp {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Errors the page threw or logged, and CSP violations: a test asserts this stays empty. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** Opens the built app in a fresh Chromium profile and records anything that goes wrong in it. */
export async function openApp(
  path = '/',
  viewport = { width: 1024, height: 800 },
  beforeNavigate?: (page: Page) => Promise<unknown>,
): Promise<OpenedApp> {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await beforeNavigate?.(page);
  await page.goto(new URL(path, inject('baseUrl')).href);
  return {
    browser,
    context,
    page,
    problems,
    close: () => browser.close(),
  };
}
