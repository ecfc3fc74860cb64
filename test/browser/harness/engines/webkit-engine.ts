import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPulse } from '../../../bench/timing/pulse-server';
import { startOwned } from '../../../bench/timing/processes';
import { startXvfb } from '../../../bench/timing/xvfb';
import type { Engine, EnginePage } from './driver';
import { requirePrograms } from './engine-programs';
import { pageCall } from './find-in-page';
import { watchProblems } from './page-problems';
import { scriptedPage } from './scripted-page';
import { untilWebDriverReady, WebDriverSession } from './webdriver-client';

export const miniBrowserPath = (): string => process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free TCP port on the loopback address, for the WebDriver server. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No free port for WebDriver.');
  return address.port;
}

/**
 * WebKitGTK (Safari's engine) over W3C WebDriver: WebKitWebDriver opens its MiniBrowser, which
 * has no headless mode, on a private Xvfb display, and its sound goes to a private PulseAudio
 * null sink; both are started here and stopped with it.
 */
export async function startWebKit(): Promise<Engine> {
  requirePrograms('WebKit', [
    { path: 'WebKitWebDriver', aptPackage: 'webkit2gtk-driver', role: 'the WebDriver server for WebKitGTK' },
    { path: miniBrowserPath(), aptPackage: 'webkit2gtk-driver', role: 'WebKitGTK’s MiniBrowser (or set WEBKIT_MINIBROWSER)' },
    { path: 'Xvfb', aptPackage: 'xvfb', role: 'a virtual display for MiniBrowser' },
    { path: 'pulseaudio', aptPackage: 'pulseaudio', role: 'the sound server MiniBrowser plays into' },
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'lull-webkit-'));
  const display = await startXvfb();
  const pulse = await startPulse(dir).catch(async (error: unknown) => {
    await display.process.stop();
    throw error;
  });
  const port = await freePort();
  const driver = startOwned('WebKitWebDriver', 'WebKitWebDriver', [`--port=${String(port)}`], {
    group: true,
    stdio: ['ignore', 'ignore', 'ignore'],
    env: { ...process.env, DISPLAY: display.display, PULSE_SERVER: pulse.address },
  });
  const server = `http://127.0.0.1:${String(port)}`;
  const stop = async (): Promise<void> => {
    await driver.stop();
    await pulse.process.stop();
    await display.process.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  await untilWebDriverReady(server, 15_000).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  // One MiniBrowser for all pages, one page at a time: a new one costs seconds, and each test
  // opens its page on an origin of its own, whose storage and service worker start empty.
  let session: WebDriverSession | undefined;
  return {
    name: 'webkit',
    open: async (url) => {
      session ??= await WebDriverSession.create(server, {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
      });
      await session.setWindowSize(1024, 800);
      const opened = webkitPage(session, new URL(url).origin);
      await opened.goto(url);
      return opened;
    },
    stop: async () => {
      await session?.delete();
      await stop();
    },
  };
}

function webkitPage(session: WebDriverSession, origin: string): EnginePage {
  const seen: string[] = [];
  /** Keeps what the page collected before it goes away, then watches the next document. */
  const collect = async (): Promise<void> => {
    const problems = (await session.execute('return window.lullProblems ? window.lullProblems.splice(0) : [];')) as string[];
    seen.push(...problems);
  };
  const watch = () => session.execute(`${pageCall(watchProblems.toString(), [])};`);
  /**
   * WebDriver clicks the middle of an element and refuses when something else is on top there;
   * WebKitWebDriver scrolls an element only to the edge of the view, under the app's sticky
   * header. In the middle of the view, nothing covers it.
   */
  const centred = async (expression: string): Promise<string> => {
    await session.execute(`(${expression}).scrollIntoView({ block: 'center' });`);
    return session.element(expression);
  };
  return scriptedPage('webkit', origin, {
    evaluate: (expression) => session.execute(`return await ${expression};`),
    click: async (expression) => {
      await session.click(await centred(expression));
    },
    // Sending keys focuses the element itself: no click, so no hit test (which WebKitWebDriver
    // failed for a text field deep in shadow roots that nothing covered).
    type: async (expression, text) => {
      await session.sendKeys(await centred(expression), text);
    },
    goto: async (url) => {
      await collect().catch(() => undefined);
      await session.navigate(url);
      await watch();
    },
    reload: async () => {
      await collect();
      await session.refresh();
      await watch();
    },
    problems: async () => {
      await collect();
      return [...seen];
    },
    close: async () => {
      await session.navigate('about:blank');
    },
  });
}
