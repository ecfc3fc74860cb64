import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppAt, storedAudio, untilOfflineCoreKept, type AppAt } from './harness/app-at';
import { eventually } from './harness/eventually';
import { offlineCorePaths } from './harness/packs';
import { copyOfBuild, startStaticServer, type StaticServer } from './harness/static-server';

let current: ReturnType<typeof copyOfBuild>;
let nextDist: string;
let app: AppAt | undefined;
let server: StaticServer | undefined;

/** The next deploy: the same app built again into its own folder, with one change in index.html. */
beforeAll(async () => {
  current = copyOfBuild();
  nextDist = mkdtempSync(join(tmpdir(), 'lull-next-'));
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir: nextDist, emptyOutDir: true },
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
    await page.waitForTimeout(1500);
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
});
