import { describe, expect, it } from 'vitest';
import type { EnginePage } from '../harness/engines/driver';
import { eventually } from '../harness/eventually';
import { offlineCorePaths, sessionAudioPaths } from '../harness/packs';
import type { EngineSuite } from './engine-suite';
import { untilClockAdvances, untilControlled, untilEnabled } from './page-steps';

/** The URL paths of the audio kept for offline use. */
const storedAudio = (page: EnginePage): Promise<string[]> =>
  page.evaluate(async () => {
    const cache = await caches.open('lull-packs-v1');
    return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
  });

/** One visit: the service worker controls the page and the first visit's offline core is kept. */
async function visitOnce(page: EnginePage): Promise<void> {
  await untilControlled(page);
  await page.text({ role: 'list', name: 'Sessions' });
  await eventually(async () => {
    const stored = await storedAudio(page);
    return offlineCorePaths().every((path) => stored.includes(path));
  }, 30_000).toBe(true);
}

export function offlineScenarios(suite: EngineSuite): void {
  describe(`${suite.name}: offline and install`, () => {
    it('works offline after one visit: with the server gone the library opens and the journal saves', async () => {
      const { page, server } = await suite.open('/');
      await visitOnce(page);
      await server.close();
      await page.goto('/journal');
      await untilEnabled(page, 'New entry');
      await page.click({ role: 'button', name: 'New entry' });
      await page.type({ label: 'Your entry' }, 'Written offline');
      await eventually(() => page.text({ css: '#save-state', within: 'lull-writing-editor' })).toBe('Saved');
      await page.goto('/');
      await eventually(() => page.count({ role: 'link', name: 'Long exhale breathing' }), 15_000).toBe(1);
    });

    it('serves its install manifest: linked from every page, with its name, start, display and icons that exist at their sizes', async () => {
      const { page } = await suite.open('/');
      const served = await page.evaluate(async () => {
        const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
        if (!link) return null;
        const response = await fetch(link.href);
        const manifest = (await response.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
        const icons = await Promise.all(
          manifest.icons
            .filter((icon) => icon.type === 'image/png')
            .map(async (icon) => {
              const bitmap = await createImageBitmap(await (await fetch(icon.src)).blob());
              return { claimed: icon.sizes, actual: `${String(bitmap.width)}x${String(bitmap.height)}`, purpose: icon.purpose };
            }),
        );
        return { type: response.headers.get('Content-Type'), name: manifest.name, start: manifest.start_url, display: manifest.display, icons };
      });
      expect(served).toMatchObject({ type: 'application/manifest+json', name: 'Lull: gentle sessions for inner-child work', start: '/', display: 'standalone' });
      expect(served?.icons.map((icon) => icon.purpose).sort()).toEqual(['any', 'any', 'maskable', 'maskable']);
      for (const icon of served?.icons ?? []) expect(icon.actual).toBe(icon.claimed);
      expect(await page.problems()).toEqual([]);
    });

    it('where the browser plays no Opus (Safari before 17), downloads a session as MP3 and plays it from the cache with the server gone', async () => {
      const { page, server } = await suite.open('/');
      await visitOnce(page);
      // What such a browser answers; the app asks when it downloads and when it plays.
      await page.evaluate(() => {
        const canPlayType = Reflect.get<HTMLMediaElement, 'canPlayType'>(HTMLMediaElement.prototype, 'canPlayType');
        HTMLMediaElement.prototype.canPlayType = function (this: HTMLMediaElement, type: string) {
          return /opus|webm/iu.test(type) ? '' : canPlayType.call(this, type);
        };
      });
      await page.click({ role: 'button', name: 'Download Long exhale breathing' });
      await eventually(() => page.text({ role: 'status', within: 'li[data-session="breathe-long-exhale"]' }), 30_000).toBe('Long exhale breathing is available offline.');
      const mp3 = sessionAudioPaths('breathe-long-exhale', 'mp3');
      expect(mp3.every((path) => path.endsWith('.mp3'))).toBe(true);
      const stored = await storedAudio(page);
      for (const path of mp3) expect(stored, path).toContain(path);
      expect(stored).not.toContain(sessionAudioPaths('breathe-long-exhale')[0]);

      await server.close();
      await page.click({ role: 'link', name: 'Long exhale breathing' });
      await untilEnabled(page, 'Start');
      await page.click({ role: 'button', name: 'Start' });
      await page.text({ role: 'button', name: 'Pause' });
      await untilClockAdvances(page, 1);
      expect(await page.count({ css: 'p', text: /^Some sounds could not be loaded/u })).toBe(0);
      const played = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/packs/breathe-long-exhale/') && !path.endsWith('.json')));
      expect(played.length).toBeGreaterThan(0);
      expect(played.every((path) => path.endsWith('.mp3')), played.join(', ')).toBe(true);
      expect(await page.problems()).toEqual([]);
    });
  });
}
