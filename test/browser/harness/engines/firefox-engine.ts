import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type ElementHandle, type Page } from 'puppeteer-core';
import { startPulse } from '../../../bench/timing/pulse-server';
import type { Engine, EnginePage } from './driver';
import { requirePrograms } from './engine-programs';
import { reportCspViolations } from './page-problems';
import { scriptedPage } from './scripted-page';

export const firefoxPath = (): string => process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox headless over WebDriver BiDi (Puppeteer). Headless Firefox has no sound device, and
 * without one its AudioContext never leaves `suspended`: it plays into a private PulseAudio
 * null sink, started here and stopped with it.
 */
export async function startFirefox(): Promise<Engine> {
  requirePrograms('Firefox', [
    { path: firefoxPath(), aptPackage: 'firefox-esr', role: 'Firefox (or set FIREFOX_PATH)' },
    { path: 'pulseaudio', aptPackage: 'pulseaudio', role: 'the sound server headless Firefox plays into' },
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'lull-firefox-'));
  const pulse = await startPulse(dir);
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      env: { ...process.env, PULSE_SERVER: pulse.address },
      extraPrefsFirefox: {
        // As a person's click would: the tests' clicks are real input, but a page may also start sound on load.
        'media.autoplay.default': 0,
        'media.autoplay.block-webaudio': false,
      },
    })
    .catch(async (error: unknown) => {
      await pulse.process.stop();
      throw error;
    });
  return {
    name: 'firefox',
    open: async (url) => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1024, height: 800 });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      await page.evaluateOnNewDocument(reportCspViolations);
      const opened = firefoxPage(page, new URL(url).origin, problems, () => context.close());
      await opened.goto(url);
      return opened;
    },
    stop: async () => {
      await browser.close();
      await pulse.process.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function firefoxPage(page: Page, origin: string, problems: string[], close: () => Promise<void>): EnginePage {
  const element = async (expression: string): Promise<ElementHandle> => {
    // The expressions name elements only (the finder returns Elements); Puppeteer types any handle as a Node.
    const handle = (await page.evaluateHandle(expression)).asElement() as ElementHandle | null;
    if (!handle) throw new Error(`firefox: ${expression.slice(-80)} is not an element.`);
    return handle;
  };
  return scriptedPage('firefox', origin, {
    evaluate: (expression) => page.evaluate(expression),
    click: async (expression) => {
      await (await element(expression)).click();
    },
    type: async (expression, text) => {
      const handle = await element(expression);
      await handle.click();
      await handle.type(text);
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
