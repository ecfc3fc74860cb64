import type { Page } from 'playwright-core';
import { openAppAt } from '../../browser/harness/app-at';
import { startStaticServer } from '../../browser/harness/static-server';
import { delay } from '../timing/processes';

export interface OpenTimeFigures {
  readonly sessionId: string;
  /** Each tap on the session's library card → its Start button enabled (the frame that showed it), offline, warm cache. */
  readonly opensMs: readonly number[];
  readonly medianMs: number;
  readonly maxMs: number;
}

/** In the page: the Unix time (ms) of the first animation frame in which the session's Start button is there and enabled. */
const startReady = (): number | false => {
  const start = document.querySelector('lull-app')?.shadowRoot?.querySelector('lull-session-view')?.shadowRoot?.querySelector('button.start');
  return start instanceof HTMLButtonElement && !start.disabled && performance.timeOrigin + performance.now();
};

/** Until the first visit has kept the offline core (the break's session and the shared sounds). */
async function untilOfflineCoreKept(page: Page): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 60_000; ) {
    const kept = await page.evaluate(async () => {
      const urls = (await (await caches.open('lull-packs-v1')).keys()).map((request) => new URL(request.url).pathname);
      return urls.some((url) => url.startsWith('/packs/self-soothing/')) && urls.some((url) => url.startsWith('/packs/common/'));
    });
    if (kept) return;
    await delay(250);
  }
  throw new Error('The offline core was not kept within 60 s of the first visit.');
}

/**
 * Open time in Chromium (headless, through the app's service worker): one visit online keeps the
 * offline core, then the server is stopped and the network cut; the library's card of
 * `sessionId` is tapped `opens` times (back to the library in between): each tap → the frame
 * that showed Start ready.
 */
export async function measureOpenTime(distDir: string, sessionId: string, opens: number): Promise<OpenTimeFigures> {
  const server = await startStaticServer(distDir);
  const app = await openAppAt(server.origin);
  try {
    await untilOfflineCoreKept(app.page);
    await server.close();
    await app.context.setOffline(true);
    const opensMs: number[] = [];
    for (let open = 0; open < opens; open += 1) {
      await app.page.goto(`${server.origin}/`);
      const card = app.page.locator(`li[data-session="${sessionId}"] h3`);
      await card.waitFor();
      await delay(500);
      // The tap's time is taken just before Playwright's click (which first checks the card can be
      // clicked), so each figure is an upper bound by a few milliseconds.
      const tapped = Date.now();
      await card.click();
      const ready = await app.page.waitForFunction(startReady, undefined, { polling: 'raf', timeout: 15_000 });
      opensMs.push(Number(await ready.jsonValue()) - tapped);
    }
    const sorted = [...opensMs].sort((a, b) => a - b);
    return { sessionId, opensMs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, maxMs: sorted.at(-1) ?? 0 };
  } finally {
    await app.close();
    await server.close().catch(() => undefined);
  }
}
