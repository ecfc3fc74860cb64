import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppAt, untilOfflineCoreKept, type AppAt } from './harness/app-at';
import { eventually } from './harness/eventually';
import { copyOfBuild, startStaticServer, type StaticServer } from './harness/static-server';

let build: ReturnType<typeof copyOfBuild>;
let app: AppAt | undefined;
let server: StaticServer | undefined;
beforeAll(() => {
  build = copyOfBuild();
});
afterAll(() => {
  build.remove();
});
afterEach(async () => {
  await app?.close();
  await server?.close();
  app = undefined;
  server = undefined;
});

/** One visit online that downloads nothing, then the server gone and the network cut. */
async function visitOnceThenGoOffline(): Promise<AppAt> {
  server = await startStaticServer(build.root);
  app = await openAppAt(server.origin);
  await app.page.getByRole('list', { name: 'Sessions' }).waitFor();
  await untilOfflineCoreKept(app.page);
  await server.close();
  server = undefined;
  await app.context.setOffline(true);
  return app;
}

describe('the offline core', () => {
  it('is kept on the first visit without asking, within 1.5 MB, and said in the storage figures', async () => {
    const opened = await visitOnceThenGoOffline();
    const bytes = await opened.page.evaluate(async () => {
      const cache = await caches.open('lull-packs-v1');
      let total = 0;
      for (const request of await cache.keys()) total += (await (await cache.match(request))?.arrayBuffer())?.byteLength ?? 0;
      return total;
    });
    expect(bytes).toBeGreaterThan(100_000);
    expect(bytes).toBeLessThanOrEqual(1_500_000);
    await opened.page.reload();
    await eventually(() => opened.page.getByText(/The break and the breathing pacer are always ready offline/u).count()).toBe(1);
    await eventually(() => opened.page.locator('li[data-session="self-soothing"]').getByText('Always ready offline, for a break').count()).toBe(1);
  });

  it('plays the break with the server gone and the network cut, after one visit that downloaded nothing', async () => {
    const opened = await visitOnceThenGoOffline();
    const { page } = opened;
    await page.goto(new URL('/break', page.url()).href);
    await page.getByRole('heading', { name: 'Take a break' }).waitFor();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await page.getByText('This session cannot open').count()).toBe(0);
    await eventually(() => page.locator('#position').inputValue().then(Number), 15_000).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('Some sounds could not be loaded').count()).toBe(0);
    await eventually(() => page.locator('.caption').innerText(), 15_000).not.toBe('');
  });

  it('plays the pacer with every kind of cue with the server gone and the network cut', async () => {
    const opened = await visitOnceThenGoOffline();
    const { page } = opened;
    for (const cue of ['none', 'tone', 'voice']) {
      await page.goto(new URL(`/breathe?pattern=box&minutes=1&cue=${cue === 'none' ? 'silent' : cue}`, page.url()).href);
      const start = page.getByRole('button', { name: 'Start', exact: true });
      await eventually(() => start.isEnabled(), 15_000).toBe(true);
      expect(await page.getByText('could not be reached').count(), cue).toBe(0);
      await start.click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      // The phases change with the audio clock.
      await eventually(() => page.locator('lull-breathe-view .phase .words').innerText(), 15_000).toBe('Hold');
      expect(await page.getByText('Some sounds could not be loaded').count(), cue).toBe(0);
    }
  });
});
