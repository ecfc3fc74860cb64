import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from '../../browser/harness/engines/firefox-engine';
import { miniBrowserPath } from '../../browser/harness/engines/webkit-engine';
import { untilWebDriverReady, WebDriverSession } from '../../browser/harness/engines/webdriver-client';
import { launchBrowser } from './browser';
import { attachFirstPage, CdpConnection, type CdpPage } from './cdp';
import { delay, startOwned } from './processes';
import { sinkName, type PulseServer } from './pulse-server';

/** The engines the bench plays in: Chrome's, Firefox's and Safari's. */
export const benchEngines = ['chromium', 'firefox', 'webkit'] as const;
export type BenchEngine = (typeof benchEngines)[number];

/** One tab of a bench browser, driven by the engine's own automation protocol. */
export interface BenchPage {
  /** Evaluates a page-side expression (a promise is awaited) and returns its JSON value; page errors throw. */
  evaluate<Value>(expression: string): Promise<Value>;
  /** A real mouse click (the engine's own input, a user gesture) at a point of the viewport. */
  clickAt(x: number, y: number): Promise<void>;
  /** Opens a second tab in front of this one. */
  openTabInFront(): Promise<void>;
  /** The JS heap in use, and again after a forced garbage collection; `null` where the engine cannot tell. */
  heapUsage(): Promise<{ readonly used: number; readonly afterGc: number } | null>;
}

export interface BenchBrowser {
  readonly engine: BenchEngine;
  /** The process group every process of the browser is in (its audio threads and CPU time are read by it). */
  readonly processGroup: number;
  /**
   * Opens `url` in the browser's one tab with `probe` run before the page's own scripts. WebDriver
   * classic (WebKit) cannot add a script before a page's own: there it runs once the page has
   * loaded, so it misses what the page did while loading (decoding, the worker's creation).
   */
  open(url: string, probe: string): Promise<BenchPage>;
  close(): Promise<void>;
}

export interface BenchBrowserSettings {
  readonly display: string;
  readonly pulse: PulseServer;
  readonly profileDir: string;
  /** The output buffer in frames (0: the engine's own): Chromium's device buffer, Firefox's audio graph's; WebKit's is its own. */
  readonly bufferFrames: number;
}

export function launchBenchBrowser(engine: BenchEngine, settings: BenchBrowserSettings): Promise<BenchBrowser> {
  switch (engine) {
    case 'chromium':
      return launchChromiumBench(settings);
    case 'firefox':
      return launchFirefoxBench(settings);
    case 'webkit':
      return launchWebKitBench(settings);
  }
}

const soundEnv = (settings: BenchBrowserSettings): NodeJS.ProcessEnv => ({ ...process.env, DISPLAY: settings.display, PULSE_SERVER: settings.pulse.address, PULSE_SINK: sinkName });

async function launchChromiumBench(settings: BenchBrowserSettings): Promise<BenchBrowser> {
  const browser = await launchBrowser(settings.display, settings.pulse, settings.profileDir, settings.bufferFrames);
  try {
    const connection = await CdpConnection.connect(browser.devtoolsUrl);
    const page = await attachFirstPage(connection);
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    return {
      engine: 'chromium',
      processGroup: browser.process.child.pid ?? -1,
      open: async (url, probe) => {
        await page.send('Page.addScriptToEvaluateOnNewDocument', { source: probe });
        await page.send('Page.navigate', { url });
        return chromiumPage(connection, page);
      },
      close: async () => {
        await connection.send('Browser.close').catch(() => undefined);
        await Promise.race([browser.process.exited, delay(5000)]);
        connection.close();
        await browser.process.stop();
      },
    };
  } catch (error) {
    await browser.process.stop();
    throw error;
  }
}

function chromiumPage(connection: CdpConnection, page: CdpPage): BenchPage {
  return {
    evaluate: (expression) => page.evaluate(expression),
    clickAt: async (x, y) => {
      await page.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
      await page.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
    },
    openTabInFront: async () => {
      await connection.send('Target.createTarget', { url: 'about:blank' });
    },
    heapUsage: async () => {
      const heap = await page.send<{ usedSize: number }>('Runtime.getHeapUsage');
      await page.send('HeapProfiler.collectGarbage');
      const afterGc = await page.send<{ usedSize: number }>('Runtime.getHeapUsage');
      return { used: heap.usedSize, afterGc: afterGc.usedSize };
    },
  };
}

/**
 * Firefox ESR over WebDriver BiDi (Puppeteer), its sound going to the rig's null sink through its
 * own PulseAudio client (cubeb). Headless: headful on the rig's display (software compositing),
 * the same 2-minute run lost 7.3–8.8 s of output to underruns (matched 2–8 of 17 cues) on this
 * shared 2-core machine, against 67 ms headless; a tab behind another is hidden either way.
 */
async function launchFirefoxBench(settings: BenchBrowserSettings): Promise<BenchBrowser> {
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: settings.profileDir,
    defaultViewport: { width: 1024, height: 700 },
    args: ['--width=1024', '--height=768'],
    env: soundEnv(settings),
    extraPrefsFirefox: {
      'media.autoplay.default': 0,
      'media.autoplay.block-webaudio': false,
      // The buffer its audio graph (Web Audio's output) asks the sound server for, as Chromium's is set.
      ...(settings.bufferFrames > 0 ? { 'media.cubeb_latency_msg_frames': settings.bufferFrames } : {}),
    },
  });
  const pid = browser.process()?.pid;
  try {
    if (pid === undefined) throw new Error('Firefox started without a process id.');
    const [first] = await browser.pages();
    const page: Page = first ?? (await browser.newPage());
    return {
      engine: 'firefox',
      // Puppeteer starts the browser detached: in a process group of its own, led by it.
      processGroup: pid,
      open: async (url, probe) => {
        await page.evaluateOnNewDocument(probe);
        await page.goto(url, { waitUntil: 'load' });
        return {
          evaluate: async <Value>(expression: string) => (await page.evaluate(expression)) as Value,
          clickAt: (x, y) => page.mouse.click(x, y),
          openTabInFront: async () => {
            await browser.newPage();
          },
          heapUsage: () => Promise.resolve(null),
        };
      },
      close: async () => {
        await browser.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

/**
 * WebKitGTK's MiniBrowser over W3C WebDriver (WebKitWebDriver), on the rig's display; its sound
 * goes through GStreamer's PulseAudio sink to the rig's null sink.
 */
async function launchWebKitBench(settings: BenchBrowserSettings): Promise<BenchBrowser> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const driver = startOwned('WebKitWebDriver', 'WebKitWebDriver', [`--port=${String(port)}`], { group: true, stdio: ['ignore', 'ignore', 'ignore'], env: soundEnv(settings) });
  const server = `http://127.0.0.1:${String(port)}`;
  try {
    await untilWebDriverReady(server, 15_000);
    const session = await WebDriverSession.create(server, {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
    });
    await session.setWindowSize(1024, 768);
    const evaluate = async <Value>(expression: string): Promise<Value> => (await session.execute(`return await (${expression});`)) as Value;
    return {
      engine: 'webkit',
      processGroup: driver.child.pid ?? -1,
      open: async (url, probe) => {
        await session.navigate(url);
        await session.execute(`${probe};`);
        return {
          evaluate,
          clickAt: (x, y) => session.clickAt(x, y),
          openTabInFront: async () => {
            await session.newTab();
          },
          heapUsage: () => Promise.resolve(null),
        };
      },
      close: async () => {
        await session.delete().catch(() => undefined);
        await driver.stop();
      },
    };
  } catch (error) {
    await driver.stop();
    throw error;
  }
}
