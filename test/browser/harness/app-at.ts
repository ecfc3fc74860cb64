import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { eventually } from './eventually';
import { offlineCorePaths } from './packs';
import { launchChromium } from './chromium';

export interface AppAt {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors, console errors and CSP violations, as the harness's `openApp` collects them. */
  readonly problems: string[];
  /** The origin of every request the page and its service worker made. */
  readonly origins: Set<string>;
  close(): Promise<void>;
}

/**
 * Opens the app served at `origin` (a test's own server, which it can stop or redeploy) in a
 * fresh Chromium profile, under the host's real CSP, and waits until its service worker controls
 * the page.
 */
export async function openAppAt(origin: string, path = '/', options: BrowserContextOptions = {}): Promise<AppAt> {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  const origins = new Set<string>();
  context.on('request', (request) => origins.add(new URL(request.url()).origin));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(new URL(path, origin).href);
  await untilControlled(page);
  return { browser, context, page, problems, origins, close: () => browser.close() };
}

/** Waits until a service worker controls the page (the first one claims it as soon as it activates). */
export async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

export interface CachedEntry {
  readonly url: string;
  readonly status: number;
}

/** Every entry of every Cache Storage cache of the page's origin, with its stored status. */
export function cacheContents(page: Page): Promise<Record<string, CachedEntry[]>> {
  return page.evaluate(async () => {
    const contents: Record<string, { url: string; status: number }[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const requests = await cache.keys();
      contents[name] = await Promise.all(
        requests.map(async (request) => ({ url: request.url, status: (await cache.match(request))?.status ?? 0 })),
      );
    }
    return contents;
  });
}

/** The paths of the audio kept for offline use. */
export async function storedAudio(page: Page): Promise<string[]> {
  const contents = await cacheContents(page);
  return (contents['lull-packs-v1'] ?? []).map((entry) => new URL(entry.url).pathname).sort();
}

/** Waits until the first visit has kept the offline core (the break and the pacer), and nothing else. */
export async function untilOfflineCoreKept(page: Page): Promise<void> {
  const expected = offlineCorePaths();
  await eventually(() => storedAudio(page), 30_000).toEqual(expected);
}
