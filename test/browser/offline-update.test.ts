import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openAppAt, storedAudio, untilControlled, untilOfflineCoreKept, type AppAt } from './harness/app-at';
import { eventually } from './harness/eventually';
import { offlineCorePaths } from './harness/packs';
import { copyOfBuild, startStaticServer, type StaticServer } from './harness/static-server';

let current: ReturnType<typeof copyOfBuild>;
let nextDist: string;
let app: AppAt | undefined;
let server: StaticServer | undefined;

/** Every built file of the next deploy has another name, as a change to code they all share would give. */
const nextName = 'assets/[name]-[hash]-next';

/**
 * The next deploy: the same app built again into its own folder, with one change in index.html and
 * new names for its scripts and styles (the old ones are gone from the server, as after a real deploy).
 */
beforeAll(async () => {
  current = copyOfBuild();
  nextDist = mkdtempSync(join(tmpdir(), 'lull-next-'));
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: {
      outDir: nextDist,
      emptyOutDir: true,
      rolldownOptions: { output: { entryFileNames: `${nextName}.js`, chunkFileNames: `${nextName}.js`, assetFileNames: `${nextName}[extname]` } },
    },
    plugins: [
      {
        name: 'lull:next-version',
        transformIndexHtml: (html) => html.replace('<title>Lull</title>', '<title>Lull</title>\n    <meta name="lull-version" content="next" />'),
      },
    ],
  });
});
afterAll(() => {
  current.remove();
  rmSync(nextDist, { recursive: true, force: true });
});
afterEach(async () => {
  await app?.close();
  await server?.close();
  app = undefined;
  server = undefined;
});

const versionOf = (page: Page) => page.locator('meta[name="lull-version"]').count();
const bannerOf = (page: Page) => page.locator('lull-update-banner').getByRole('status');
const checkForUpdate = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

/** Opens a second window of the app in the same browser profile, controlled by the same service worker. */
async function secondWindow(app: AppAt, origin: string): Promise<Page> {
  const page = await app.context.newPage();
  await page.goto(origin);
  await untilControlled(page);
  return page;
}

/** Deploys the next version, lets both windows find it, and accepts it in `accepting`; resolves once that window runs it. */
async function acceptInOtherWindow(server: StaticServer, waiting: Page, accepting: Page): Promise<void> {
  server.serve(nextDist);
  await checkForUpdate(waiting);
  await eventually(() => bannerOf(waiting).textContent()).toContain('A new version of Lull is ready.');
  await eventually(() => bannerOf(accepting).textContent()).toContain('A new version of Lull is ready.');
  await accepting.getByRole('button', { name: 'Update now' }).click();
  await eventually(() => versionOf(accepting), 15_000).toBe(1);
  await eventually(() => bannerOf(waiting).textContent()).toContain('Lull was updated in another window.');
}

describe('updates', () => {
  it('offers a new version, never reloads before it is accepted, waits while a session plays, then runs the new version', async () => {
    server = await startStaticServer(current.root);
    app = await openAppAt(server.origin);
    const { page } = app;
    await untilOfflineCoreKept(page);
    let loads = 0;
    page.on('load', () => (loads += 1));
    const banner = page.locator('lull-update-banner').getByRole('status');
    const version = () => page.locator('meta[name="lull-version"]').count();
    expect(await version()).toBe(0);

    server.serve(nextDist);
    // What the browser does by itself on navigations and every day; the app also asks when it becomes visible.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await eventually(() => banner.textContent()).toContain('A new version of Lull is ready.');
    expect(await page.getByRole('button', { name: 'Update now' }).count()).toBe(1);

    // A session starts before the person answers: the offer now says it will wait.
    await page.getByRole('link', { name: 'Long exhale breathing', exact: true }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await eventually(() => banner.textContent()).toContain('It can be applied after your session ends.');
    await page.getByRole('button', { name: 'Update afterwards' }).click();
    await eventually(() => banner.textContent()).toBe('Lull will update after your session ends.');
    // The session plays on for a while under the waiting update, and the page does not reload.
    await eventually(async () => Number(await page.locator('#position').inputValue())).toBeGreaterThanOrEqual(2);
    expect(loads).toBe(0);
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    // Playing a session that was not downloaded streams it: audio is stored only by a download (and the offline core).
    expect(await storedAudio(page)).toEqual(offlineCorePaths());

    // The session pauses (nothing busy any more): the new version activates, then the page reloads into it.
    await page.getByRole('button', { name: 'Pause' }).click();
    await eventually(() => loads, 15_000).toBe(1);
    await eventually(version).toBe(1);
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(false);
    await eventually(() => page.getByRole('heading', { name: 'Long exhale breathing' }).count()).toBe(1);
    expect([...app.origins]).toEqual([server.origin]);
    expect(app.problems).toEqual([]);
  });

  it('keeps a window on the old version working when another window applies the update: offline, it opens a screen it never opened', async () => {
    server = await startStaticServer(current.root);
    app = await openAppAt(server.origin);
    const { page: a } = app;
    let loads = 0;
    a.on('load', () => (loads += 1));
    const b = await secondWindow(app, server.origin);
    // Window A plays a session, so it must not reload.
    await a.getByRole('link', { name: 'Long exhale breathing', exact: true }).click();
    await a.getByRole('button', { name: 'Start' }).click();
    await eventually(() => a.getByRole('button', { name: 'Pause' }).count()).toBe(1);

    await acceptInOtherWindow(server, a, b);
    expect(await bannerOf(a).textContent()).toContain('This window follows after your session ends, when you next change screen.');
    await server.close();
    // The Journal's code was never loaded in window A, and the new version no longer has it. While
    // the session plays, the header is one quiet bar: back to the sessions first, then the journal.
    await a.getByRole('link', { name: 'Sessions', exact: true }).click();
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await eventually(() => a.getByRole('heading', { level: 1, name: 'Journal' }).count()).toBe(1);
    // Its data code too: the journal reads the entries kept on this device.
    await eventually(() => a.getByRole('button', { name: 'New entry' }).isEnabled()).toBe(true);
    expect(loads).toBe(0);
    expect(await versionOf(a)).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('moves a window left on the old version to the new one at its next change of screen, also offline', async () => {
    server = await startStaticServer(current.root);
    app = await openAppAt(server.origin);
    const { page: a } = app;
    const b = await secondWindow(app, server.origin);
    await acceptInOtherWindow(server, a, b);
    expect(await bannerOf(a).textContent()).toContain('This window follows when you next change screen.');
    expect(await versionOf(a)).toBe(0);

    await server.close();
    await a.getByRole('link', { name: 'About' }).click();
    await eventually(() => versionOf(a)).toBe(1);
    await eventually(() => a.getByRole('heading', { level: 1, name: 'About Lull' }).count()).toBe(1);
    expect(a.url()).toBe(`${server.origin}/about`);
    expect(await bannerOf(a).textContent()).toBe('');
    expect(app.problems).toEqual([]);
  });
});
