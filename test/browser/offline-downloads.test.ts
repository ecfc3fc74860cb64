import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppAt, storedAudio, untilOfflineCoreKept, type AppAt } from './harness/app-at';
import { eventually } from './harness/eventually';
import { seriousAxeViolations } from './harness/axe';
import { libraryIndex, offlineCorePaths, sessionAudioPaths } from './harness/packs';
import { copyOfBuild, startStaticServer, type StaticServer, type StaticServerOptions } from './harness/static-server';
import { seekTo } from './harness/seek';

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
  // Whatever a test did, the page and its service worker asked no other origin for anything.
  if (app) expect([...app.origins]).toEqual([server?.origin]);
  await app?.close();
  await server?.close();
  app = undefined;
  server = undefined;
});

async function open(options: StaticServerOptions = {}): Promise<{ app: AppAt; server: StaticServer }> {
  server = await startStaticServer(build.root, options);
  app = await openAppAt(server.origin);
  await app.page.getByRole('list', { name: 'Sessions' }).waitFor();
  // Every visit keeps the break and the pacer offline first; the downloads below come on top of that.
  await untilOfflineCoreKept(app.page);
  return { app, server };
}

/** The audio kept with the offline core and these files, as `storedAudio` lists it. */
const withCore = (paths: readonly (string | undefined)[]): string[] => [...new Set([...offlineCorePaths(), ...paths.flatMap((path) => (path ? [path] : []))])].sort();

const item = (page: Page, id: string) => page.locator(`li[data-session="${id}"]`);
const announced = (page: Page, id: string) => item(page, id).getByRole('status').textContent();

/** Only failed transfers a test caused itself may show in the console; never a CSP violation or a page error. */
const unexpected = (problems: readonly string[]): string[] => problems.filter((problem) => !problem.includes('Failed to load resource'));

describe('downloads for offline use', () => {
  it('keeps a downloaded session working with the server gone: the app opens, shows it downloaded and decodes every file from the cache', async () => {
    const { app, server } = await open();
    const { page, context } = app;
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await eventually(() => announced(page, 'breathe-long-exhale')).toBe('Long exhale breathing is available offline.');
    const files = sessionAudioPaths('breathe-long-exhale');
    expect(await storedAudio(page)).toEqual(withCore(files));

    await server.close();
    await context.setOffline(true);
    await page.reload();
    await eventually(() => announced(page, 'breathe-long-exhale')).toBe('Long exhale breathing is available offline.');
    await eventually(() => item(page, 'breathe-long-exhale').getByRole('button', { name: 'Remove Long exhale breathing from this device' }).count()).toBe(1);
    await eventually(() => item(page, 'safe-space').getByRole('button', { name: 'Download Your safe place' }).count()).toBe(1);

    const decoded = await page.evaluate(async (paths) => {
      const context = new OfflineAudioContext(1, 1, 48_000);
      return Promise.all(
        paths.map(async (path) => {
          const response = await fetch(path);
          const buffer = await context.decodeAudioData(await response.arrayBuffer());
          return { path, status: response.status, seconds: buffer.duration };
        }),
      );
    }, files);
    for (const file of decoded) {
      expect(file.status, file.path).toBe(200);
      expect(file.seconds, file.path).toBeGreaterThan(1);
    }

    // The player, offline too: every sound loads from the cache, and the session plays to its end.
    await page.getByRole('link', { name: 'Long exhale breathing', exact: true }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await eventually(() => page.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    expect(await page.getByText('Some sounds could not be loaded').count()).toBe(0);
    await seekTo(page, { fromEnd: 2 });
    await eventually(() => page.getByRole('button', { name: 'Play again' }).count(), 15_000).toBe(1);

    expect([...app.origins]).toEqual([server.origin]);
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('answers a byte range of a stored file with a 206 cut from it, and never stores a 206', async () => {
    const { app } = await open();
    const { page } = app;
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await eventually(() => announced(page, 'breathe-long-exhale')).toBe('Long exhale breathing is available offline.');
    const [narration] = sessionAudioPaths('breathe-long-exhale');
    const range = await page.evaluate(async (path) => {
      const whole = new Uint8Array(await (await fetch(path)).arrayBuffer());
      const response = await fetch(path, { headers: { Range: 'bytes=1000-' } });
      const part = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        contentRange: response.headers.get('Content-Range'),
        size: whole.length,
        matches: part.length === whole.length - 1000 && part.every((byte, index) => byte === whole[index + 1000]),
      };
    }, narration ?? '');
    expect(range.status).toBe(206);
    expect(range.contentRange).toBe(`bytes 1000-${String(range.size - 1)}/${String(range.size)}`);
    expect(range.matches).toBe(true);

    // A media element seeks in the stored file (it asks with Range).
    const seeked = await page.evaluate(async (path) => {
      const audio = new Audio(path);
      await new Promise((resolve, reject) => {
        audio.addEventListener('loadedmetadata', resolve, { once: true });
        audio.addEventListener('error', reject, { once: true });
      });
      audio.currentTime = 5;
      await new Promise((resolve) => audio.addEventListener('seeked', resolve, { once: true }));
      return audio.currentTime;
    }, narration ?? '');
    expect(seeked).toBeCloseTo(5, 0);

    const statuses = await page.evaluate(async () => {
      const all: number[] = [];
      for (const name of await caches.keys()) {
        for (const response of await (await caches.open(name)).matchAll()) all.push(response.status);
      }
      return all;
    });
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('resumes after a dropped connection, keeping finished files and fetching the broken file again whole', async () => {
    const { app, server } = await open();
    const { page } = app;
    // The cues are kept with the offline core already: the narration and the ambience remain to fetch.
    const [narration, cues, ambience] = sessionAudioPaths('breathe-long-exhale');
    server.breakNext(ambience ?? '', 20_000);
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await eventually(() => announced(page, 'breathe-long-exhale')).toBe('Download of Long exhale breathing paused.');
    const progress = item(page, 'breathe-long-exhale').getByRole('progressbar', { name: 'Downloading Long exhale breathing' });
    expect(await progress.getAttribute('aria-valuetext')).toMatch(/^\d+ KB of \d+ KB$/u);
    expect(await item(page, 'breathe-long-exhale').getByText(/^The connection was lost\. Finished files are kept/u).count()).toBe(1);
    expect(await storedAudio(page)).toEqual(withCore([narration]));

    await page.getByRole('button', { name: 'Resume downloading Long exhale breathing' }).click();
    await eventually(() => announced(page, 'breathe-long-exhale')).toBe('Long exhale breathing is available offline.');
    const fetched = (path: string | undefined) => server.requests.filter((request) => request.path === path);
    expect(fetched(narration)).toHaveLength(1);
    expect(fetched(cues)).toHaveLength(1);
    expect(fetched(ambience)).toHaveLength(2);
    expect(server.requests.filter((request) => request.path.startsWith('/packs/') && request.range !== undefined)).toEqual([]);
    expect(await storedAudio(page)).toEqual(withCore([narration, cues, ambience]));
    expect([...app.origins]).toEqual([server.origin]);
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('shows a download in bytes while it runs, and a cancel keeps nothing of it', async () => {
    const { app, server } = await open();
    const { page } = app;
    const [narration] = sessionAudioPaths('safe-space');
    server.stallNext(narration ?? '', 200_000);
    await page.getByRole('button', { name: 'Download Your safe place' }).click();
    const progress = item(page, 'safe-space').getByRole('progressbar', { name: 'Downloading Your safe place' });
    // The shared cues are kept with the offline core already, and count as done beside the 200 KB that arrived.
    const cues = statSync(join('dist', sessionAudioPaths('safe-space')[1] ?? '')).size;
    await eventually(() => progress.getAttribute('aria-valuetext')).toMatch(new RegExp(`^${String(Math.round((cues + 200_000) / 1000))} KB of \\d\\.\\d MB$`, 'u'));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel downloading Your safe place' }).click();
    await eventually(() => item(page, 'safe-space').getByRole('button', { name: 'Download Your safe place' }).count()).toBe(1);
    expect(await storedAudio(page)).toEqual(withCore([]));
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('says clearly when the disk is full, and leaves nothing half-stored', async () => {
    const { app, server } = await open();
    const { page, context } = app;
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const cdp = await context.newCDPSession(page);
    // Room for the narration (the cues are kept with the offline core), not for the ambience loop after it.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: usage + 350_000 });
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await eventually(() => item(page, 'breathe-long-exhale').getByRole('alert').textContent())
      .toBe('There is not enough free space on this device to keep this offline. Nothing of it was kept. Free some space and try again.');
    // The first files were stored (else the last would not have been fetched), then taken back.
    expect(server.requests.map((request) => request.path)).toEqual(expect.arrayContaining(sessionAudioPaths('breathe-long-exhale')));
    expect(await storedAudio(page)).toEqual(withCore([]));
    expect(await item(page, 'breathe-long-exhale').getByRole('button', { name: 'Try again to download Long exhale breathing' }).count()).toBe(1);
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('forgets stored audio that no session needs any more (a new version renamed it), and keeps the rest', async () => {
    const { app } = await open();
    const { page } = app;
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await eventually(() => announced(page, 'breathe-long-exhale')).toBe('Long exhale breathing is available offline.');
    await page.evaluate(async () => {
      const cache = await caches.open('lull-packs-v1');
      await cache.put('/packs/common/ambience-beach.0000000000.webm', new Response(new Uint8Array(10), { headers: { 'Content-Type': 'audio/webm' } }));
    });
    expect(await storedAudio(page)).toContain('/packs/common/ambience-beach.0000000000.webm');
    await page.reload();
    await eventually(() => announced(page, 'breathe-long-exhale')).toBe('Long exhale breathing is available offline.');
    await eventually(() => storedAudio(page)).toEqual(withCore(sessionAudioPaths('breathe-long-exhale')));
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('downloads everything with one button, shows the storage used, and removes one session without breaking another', async () => {
    const { app } = await open();
    const { page } = app;
    await page.getByRole('button', { name: 'Download everything' }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'Every session is available offline.' }).count()).toBe(1);
    const ids = libraryIndex().sessions.map((entry) => entry.id);
    const union = (sessions: readonly string[]) => [...new Set(sessions.flatMap((id) => sessionAudioPaths(id)))].sort();
    expect(await storedAudio(page)).toEqual(union(ids));
    await eventually(() => page.getByText(/^Lull keeps \d+(\.\d)? (KB|MB) on this device\.$/u).count()).toBe(1);
    expect(await announced(page, 'safe-space')).toBe('Your safe place is available offline.');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Remove Long exhale breathing from this device' }).click();
    await eventually(() => item(page, 'breathe-long-exhale').getByRole('button', { name: 'Download Long exhale breathing' }).count()).toBe(1);
    // The cues are shared with the other sessions, which stay downloaded; only files no other session needs go.
    const others = union(ids.filter((id) => id !== 'breathe-long-exhale'));
    expect(others).toEqual(expect.arrayContaining(offlineCorePaths()));
    expect(await storedAudio(page)).toEqual(others);
    expect(others).not.toContain(sessionAudioPaths('breathe-long-exhale')[0]);
    expect(await announced(page, 'safe-space')).toBe('Your safe place is available offline.');
    expect(unexpected(app.problems)).toEqual([]);
  });
});

const session = 'breathe-long-exhale';
const narrationPath = (): string => sessionAudioPaths(session)[0] ?? '';
const sizeOf = (path: string): number => statSync(join(build.root, path)).size;
const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The length and SHA-256 of a file as kept in the downloads' Cache Storage, or null when it is not kept. */
async function keptCopy(page: Page, path: string): Promise<{ bytes: number; sha256: string } | null> {
  const bytes = await page.evaluate(async (url) => {
    const response = await (await caches.open('lull-packs-v1')).match(url);
    return response ? Array.from(new Uint8Array(await response.arrayBuffer())) : null;
  }, path);
  return bytes ? { bytes: bytes.length, sha256: digestOf(Uint8Array.from(bytes)) } : null;
}

const requestsFor = (server: StaticServer, path: string) => server.requests.filter((request) => request.path === path);

describe('damaged downloads', () => {
  it('finds a download damaged on the device when its session opens: says so, stops calling it downloaded, and downloads it whole again', async () => {
    const { app, server } = await open({ cacheableAudio: true });
    const { page } = app;
    const narration = narrationPath();
    const whole = readFileSync(join(build.root, narration));
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await eventually(() => announced(page, session)).toBe('Long exhale breathing is available offline.');

    // The stored narration loses 90 % of its bytes (a disk fault, an interrupted write).
    await page.evaluate(
      async ({ url, keep }) => {
        const cache = await caches.open('lull-packs-v1');
        const stored = await cache.match(url);
        if (!stored) throw new Error(`${url} is not stored`);
        const cut = (await stored.arrayBuffer()).slice(0, keep);
        await cache.put(url, new Response(cut, { headers: { 'Content-Type': 'audio/webm', 'Content-Length': String(cut.byteLength) } }));
      },
      { url: narration, keep: Math.round(whole.length / 10) },
    );
    expect((await keptCopy(page, narration))?.bytes).toBe(Math.round(whole.length / 10));

    await page.getByRole('link', { name: 'Long exhale breathing', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This download is damaged' });
    await eventually(() => alert.allTextContents()).toEqual(['This download is damaged: download it again.']);
    // The damaged copy is gone from the device, and the library's own record says so: it offers the download again.
    expect(await keptCopy(page, narration)).toBeNull();
    expect(await page.getByRole('button', { name: 'Download again' }).count()).toBe(1);
    // While online, the voice was fetched whole from the server instead, so the session plays with it.
    expect(await page.getByText('Some sounds could not be loaded').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The library, opened anew, no longer says "Downloaded ✓".
    const library = await app.context.newPage();
    await library.goto(server.origin);
    await eventually(() => item(library, session).getByRole('button', { name: 'Download Long exhale breathing' }).count()).toBe(1);
    expect(await item(library, session).getByText('Downloaded').count()).toBe(0);
    await library.close();

    await page.getByRole('button', { name: 'Download again' }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'Downloaded again' }).count()).toBe(1);
    expect(await keptCopy(page, narration)).toEqual({ bytes: whole.length, sha256: digestOf(whole) });
    expect(await alert.count()).toBe(0);
    expect(await storedAudio(page)).toEqual(withCore(sessionAudioPaths(session)));

    await page.getByRole('link', { name: 'Sessions' }).click();
    await eventually(() => announced(page, session)).toBe('Long exhale breathing is available offline.');
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('finds a damaged download offline too, on a session opened by its address: the session plays without the voice and offers the download again', async () => {
    const { app, server } = await open();
    const { page, context } = app;
    const narration = narrationPath();
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await eventually(() => announced(page, session)).toBe('Long exhale breathing is available offline.');
    await page.evaluate(async (url) => {
      const cache = await caches.open('lull-packs-v1');
      await cache.put(url, new Response(new Uint8Array(1000), { headers: { 'Content-Type': 'audio/webm' } }));
    }, narration);

    await server.close();
    await context.setOffline(true);
    await page.goto(`${server.origin}/session/${session}`);
    await eventually(() => page.getByRole('alert').filter({ hasText: 'This download is damaged' }).count()).toBe(1);
    const problems = page.getByRole('status').filter({ hasText: 'Some sounds could not be loaded' });
    await eventually(() => problems.getByRole('listitem').count()).toBe(1);
    expect(await problems.getByRole('listitem').textContent()).toBe('The voice (its file is missing)');
    // The library's list was kept offline, so the download can be asked for again (it waits for the connection).
    await eventually(() => page.getByRole('button', { name: 'Download again' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Start' }).count()).toBe(1);
    expect(await keptCopy(page, narration)).toBeNull();
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('fetches a file again from the server itself when it arrives damaged, so a damaged copy in the HTTP cache is never stored', async () => {
    const { app, server } = await open();
    const { page } = app;
    const narration = narrationPath();
    const whole = readFileSync(join(build.root, narration));
    // The first answer is a tenth of the file, which the browser's HTTP cache would keep for a year.
    server.cutNext(narration, Math.round(whole.length / 10));
    await page.getByRole('button', { name: 'Download Long exhale breathing' }).click();
    await eventually(() => announced(page, session)).toBe('Long exhale breathing is available offline.');
    expect(await keptCopy(page, narration)).toEqual({ bytes: whole.length, sha256: digestOf(whole) });
    expect(requestsFor(server, narration)).toHaveLength(2);
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('checks a streamed sound before playing it: a damaged copy from the HTTP cache is fetched again, and plays whole', async () => {
    const { app, server } = await open();
    const { page } = app;
    const narration = narrationPath();
    server.cutNext(narration, Math.round(sizeOf(narration) / 10));
    await page.getByRole('link', { name: 'Long exhale breathing', exact: true }).click();
    await eventually(() => page.getByRole('button', { name: 'Start' }).count()).toBe(1);
    // The sounds decode while the person looks at the session: the damaged copy, then a whole one.
    await eventually(() => requestsFor(server, narration).length).toBe(2);
    expect(await page.getByText('Some sounds could not be loaded').count()).toBe(0);
    expect(await page.getByText('This download is damaged').count()).toBe(0);
    expect(await storedAudio(page)).toEqual(withCore([]));
    expect(unexpected(app.problems)).toEqual([]);
  });

  it('never plays a streamed sound that stays damaged: the session says the voice is missing and plays without it', async () => {
    const { app, server } = await open();
    const { page } = app;
    const narration = narrationPath();
    server.cutNext(narration, Math.round(sizeOf(narration) / 10));
    server.cutNext(narration, Math.round(sizeOf(narration) / 10));
    await page.getByRole('link', { name: 'Long exhale breathing', exact: true }).click();
    const problems = page.getByRole('status').filter({ hasText: 'Some sounds could not be loaded' });
    await eventually(() => problems.getByRole('listitem').allTextContents()).toEqual(['The voice arrived damaged, even when fetched again.']);
    expect(await page.getByText('This download is damaged').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start' }).count()).toBe(1);
    expect(unexpected(app.problems)).toEqual([]);
  });
});
