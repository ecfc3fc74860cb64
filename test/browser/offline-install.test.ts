import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppAt, type AppAt } from './harness/app-at';
import { eventually } from './harness/eventually';
import { seriousAxeViolations } from './harness/axe';
import { chromiumFlags, chromiumPath } from './harness/chromium';
import { copyOfBuild, startStaticServer, type StaticServer } from './harness/static-server';

let build: ReturnType<typeof copyOfBuild>;
let server: StaticServer;
let app: AppAt | undefined;
let persistent: { context: BrowserContext; profile: string } | undefined;
beforeAll(async () => {
  build = copyOfBuild();
  server = await startStaticServer(build.root);
});
afterAll(async () => {
  await server.close();
  build.remove();
});
afterEach(async () => {
  // Whatever a test did, the page and its service worker asked no other origin for anything.
  if (app) expect([...app.origins]).toEqual([server.origin]);
  await app?.close();
  app = undefined;
  if (persistent) {
    await persistent.context.close();
    rmSync(persistent.profile, { recursive: true, force: true });
    persistent = undefined;
  }
});

interface WebAppManifest {
  id: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
  shortcuts: { short_name: string; url: string }[];
  screenshots: { src: string; sizes: string; type: string; form_factor: string }[];
}

describe('installing the app', () => {
  it('is installable: Chromium reports no installability errors', async () => {
    // Installability is only judged in a real (non-incognito) profile.
    const profile = mkdtempSync(join(tmpdir(), 'lull-profile-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), args: chromiumFlags });
    persistent = { context, profile };
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.origin);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string; critical: number }[] };
    expect(errors).toEqual([]);
  });

  it('describes itself in the web app manifest: icons any and maskable, shortcuts, screenshots, the theme colours', async () => {
    app = await openAppAt(server.origin);
    const { page } = app;
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json() as Promise<unknown>);
    const { icons, shortcuts, screenshots, ...fields } = manifest as WebAppManifest;
    expect(fields).toMatchObject({ id: '/', start_url: '/', scope: '/', display: 'standalone', theme_color: '#f4efe8', background_color: '#f4efe8' });
    for (const [size, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['192x192', 'maskable'], ['512x512', 'maskable'], ['any', 'any']]) {
      expect(icons.some((icon) => icon.sizes === size && icon.purpose === purpose), `${size} ${purpose ?? ''}`).toBe(true);
    }
    expect(shortcuts.map((shortcut) => [shortcut.short_name, shortcut.url])).toEqual([
      ['Breathe', '/breathe'],
      ['Safe space', '/safe-space'],
      ['Check-in', '/check-in'],
    ]);
    expect(screenshots.map((screenshot) => screenshot.form_factor).sort()).toEqual(['narrow', 'wide']);
    // Every image the manifest names exists, at the size it claims.
    for (const image of [...icons, ...screenshots].filter((entry) => entry.type === 'image/png')) {
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${String(bitmap.width)}x${String(bitmap.height)}`;
      }, image.src);
      expect(size, image.src).toBe(image.sizes);
    }
    // Each shortcut opens its session.
    for (const shortcut of shortcuts) {
      await page.goto(new URL(shortcut.url, page.url()).href);
      await eventually(() => page.getByRole('button', { name: 'Start' }).count()).toBe(1);
    }
    expect(app.problems).toEqual([]);
  });

  it('shows an install button only while the browser offers installation, and opens the browser’s dialog with it', async () => {
    app = await openAppAt(server.origin);
    const { page } = app;
    const install = page.getByRole('button', { name: 'Install Lull' });
    await page.getByRole('list', { name: 'Sessions' }).waitFor();
    expect(await install.count()).toBe(0);
    // Chromium's offer, as the page receives it (a test cannot make headless Chromium send a real one).
    await page.evaluate(() => {
      const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: () => {
          document.documentElement.dataset.installPrompted = 'yes';
          return Promise.resolve();
        },
        userChoice: Promise.resolve({ outcome: 'dismissed' }),
      });
      window.dispatchEvent(offer);
    });
    await eventually(() => install.count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await install.click();
    expect(await page.evaluate(() => document.documentElement.dataset.installPrompted)).toBe('yes');
    // An offer is used once: the button goes until the browser offers again; once installed, it goes too.
    await eventually(() => install.count()).toBe(0);
    await page.evaluate(() => {
      window.dispatchEvent(Object.assign(new Event('beforeinstallprompt'), { prompt: () => Promise.resolve(), userChoice: Promise.resolve({ outcome: 'accepted' }) }));
    });
    await eventually(() => install.count()).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await eventually(() => install.count()).toBe(0);
    expect(await page.getByText('Add to Home Screen').count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('tells iPhone users how to add it from the Share menu, and nobody else', async () => {
    const iPhone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
    app = await openAppAt(server.origin, '/', { userAgent: iPhone, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const { page } = app;
    await page.getByText('Install on this device').click();
    await eventually(() => page.getByText('In Safari, tap the Share button, then “Add to Home Screen”.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Install Lull' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
