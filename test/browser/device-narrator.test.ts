import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceNarrator } from '../../src/services/device-narrator';
import type { DeviceNarratorLoader } from '../../src/services/device-narrator-context';
import { untilControlled } from './harness/app-at';
import { readInPage, wordsPerMinute, type NarratorReading } from './harness/narrator-reading';
import { openApp, type OpenedApp } from './harness/page';

declare global {
  interface Window {
    lullNarrator?: DeviceNarrator;
  }
}

/** Problems in the page, less the requests that fail because a test cut the network on purpose. */
const unexpected = (problems: readonly string[]): string[] => problems.filter((problem) => !problem.includes('Failed to load resource'));

const line = 'Let your shoulders soften, and let your breath find its own pace.';

let app: OpenedApp;
beforeAll(async () => {
  app = await openApp('/');
  await untilControlled(app.page);
  await app.page.evaluate(async () => {
    // The app's own wiring: the loader the shell provides to every screen.
    const shell = document.querySelector('lull-app') as (Element & { deviceNarrator: DeviceNarratorLoader }) | null;
    if (!shell) throw new Error('no lull-app');
    window.lullNarrator = await shell.deviceNarrator();
  });
}, 120_000);
afterAll(async () => {
  await app.close();
});

const speakAndHear = (text: string): Promise<NarratorReading> => app.page.evaluate(readInPage, { text, prepare: false });

describe('the voice on the device, in Chromium', () => {
  it('is not on the device before it is prepared, and says how much the first use downloads', async () => {
    const before = await app.page.evaluate(async () => ({ kept: await window.lullNarrator?.isKept(), bytes: window.lullNarrator?.downloadBytes }));
    expect(before).toEqual({ kept: false, bytes: 21_530_456 });
  });

  it('downloads its engine once, telling how far it has come, and keeps it on the device', async () => {
    const progress = await app.page.evaluate(async () => {
      const fractions: number[] = [];
      await window.lullNarrator?.prepare((fraction) => fractions.push(fraction));
      return fractions;
    });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await app.page.evaluate(() => window.lullNarrator?.isKept())).toBe(true);
    const kept = await app.page.evaluate(async () => (await caches.open('lull-voice-v1')).keys().then((keys) => keys.map((request) => new URL(request.url).pathname)));
    expect(kept).toEqual([expect.stringMatching(/^\/assets\/flite-[\w-]+\.wasm$/u)]);
  });

  it('reads a line at the built-in narration’s calm pace, as 24 kHz mono speech, without holding up the page', async () => {
    const heard = await speakAndHear(line);
    expect(heard.channels).toBe(1);
    expect(heard.bytes).toBe(44 + Math.round(heard.seconds * 24_000) * 2);
    expect(heard.decodedSeconds).toBeCloseTo(heard.seconds, 1);
    expect(wordsPerMinute(line, heard)).toBeGreaterThan(90);
    expect(wordsPerMinute(line, heard)).toBeLessThan(140);
    // Read in the narrator's worker, not on the page's own thread (how long it takes is the bench's to say).
    expect(app.page.workers().some((worker) => worker.url().includes('narrator-worker'))).toBe(true);
  });

  it('reads lines asked for together one after the other, each as it reads alone', async () => {
    const alone = await speakAndHear('Rest here.');
    const together = await app.page.evaluate(async () => {
      const narrator = window.lullNarrator;
      if (!narrator) throw new Error('no narrator');
      const lines = await Promise.all([narrator.speak('Rest here.'), narrator.speak('You are safe.')]);
      return lines.map((spoken) => spoken.wav.byteLength);
    });
    expect(together[0]).toBe(alone.bytes);
    expect(together[1]).toBeGreaterThan(44);
  });

  it('refuses an empty line, one longer than a script allows, one of punctuation alone and one in another script, in plain words', async () => {
    const refusals = await app.page.evaluate(async () => {
      const narrator = window.lullNarrator;
      if (!narrator) throw new Error('no narrator');
      const reason = (promise: Promise<unknown>) => promise.then(() => 'read', (error: unknown) => (error instanceof Error ? error.message : String(error)));
      return [
        await reason(narrator.speak('  ')),
        await reason(narrator.speak('and rest '.repeat(60))),
        await reason(narrator.speak('... !!! —')),
        await reason(narrator.speak('לילה טוב, ילד קטן')),
        await reason(narrator.speak('Café at 3:30, and rest 😊')),
      ];
    });
    expect(refusals[0]).toBe('There is nothing to read: the line is empty.');
    expect(refusals[1]).toMatch(/^This line would take about \d+ seconds to read; a line can take at most 25\. Split it into shorter lines\.$/u);
    // Punctuation alone is not read out as noise, and a script the English voice cannot speak is said so.
    expect(refusals[2]).toBe('There are no words in this line for the voice to read.');
    expect(refusals[3]).toBe('The voice on this device speaks only English, so it cannot read this line. You can record it in your own voice.');
    expect(refusals[4]).toBe('read');
  });

  it('stops when disposed (a line being read is told so) and reads again afterwards', async () => {
    const outcome = await app.page.evaluate(async () => {
      const narrator = window.lullNarrator;
      if (!narrator) throw new Error('no narrator');
      const stopped = narrator.speak('You can stop whenever you like.').then(
        () => 'read',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      narrator.dispose();
      const after = await narrator.speak('Rest here.');
      return { stopped: await stopped, after: after.wav.byteLength };
    });
    expect(outcome.stopped).toBe('The voice was stopped before it finished reading.');
    expect(outcome.after).toBeGreaterThan(44);
  });

  it('reads offline from the kept engine after the page is opened again with no network, just as it read online', async () => {
    const online = await speakAndHear(line);
    await app.context.setOffline(true);
    await app.page.reload();
    await app.page.evaluate(async () => {
      const shell = document.querySelector('lull-app') as (Element & { deviceNarrator: DeviceNarratorLoader }) | null;
      if (!shell) throw new Error('no lull-app');
      window.lullNarrator = await shell.deviceNarrator();
    });
    expect(await app.page.evaluate(() => window.lullNarrator?.isKept())).toBe(true);
    const offline = await speakAndHear(line);
    expect(offline.bytes).toBe(online.bytes);
    expect(offline.speechSeconds).toBe(online.speechSeconds);
    await app.context.setOffline(false);
  });

  it('keeps nothing of a download that was cancelled, takes a damaged copy off the device, and says in plain words that it cannot download while offline', async () => {
    const fresh = await openApp('/');
    try {
      await untilControlled(fresh.page);
      const cancelled = await fresh.page.evaluate(async () => {
        const shell = document.querySelector('lull-app') as (Element & { deviceNarrator: DeviceNarratorLoader }) | null;
        if (!shell) throw new Error('no lull-app');
        const narrator = await shell.deviceNarrator();
        const cancel = new AbortController();
        const message = await narrator
          .prepare((fraction) => {
            if (fraction > 0 && fraction < 1) cancel.abort();
          }, cancel.signal)
          .then(
            () => 'kept',
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          );
        return { message, kept: await narrator.isKept(), cached: (await (await caches.open('lull-voice-v1')).keys()).length };
      });
      expect(cancelled).toEqual({ message: 'The download of the voice was cancelled. Nothing of it was kept.', kept: false, cached: 0 });
      const damaged = await fresh.page.evaluate(async () => {
        const shell = document.querySelector('lull-app') as (Element & { deviceNarrator: DeviceNarratorLoader }) | null;
        if (!shell) throw new Error('no lull-app');
        const narrator = await shell.deviceNarrator();
        // The engine's URL, as the cancelled download asked for it.
        const engineUrl = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'))?.name;
        if (!engineUrl) throw new Error('no engine was asked for');
        await (await caches.open('lull-voice-v1')).put(engineUrl, new Response('not an engine'));
        const before = await narrator.isKept();
        const message = await narrator.speak('Rest here.').then(
          () => 'read',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
        return { before, message, after: await narrator.isKept() };
      });
      expect(damaged).toEqual({ before: true, message: 'The voice is not on this device yet. Download it first (you need to be online once).', after: false });
      await fresh.context.setOffline(true);
      const message = await fresh.page.evaluate(async () => {
        const shell = document.querySelector('lull-app') as (Element & { deviceNarrator: DeviceNarratorLoader }) | null;
        if (!shell) throw new Error('no lull-app');
        const narrator = await shell.deviceNarrator();
        return narrator.prepare().then(
          () => 'kept',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
      });
      expect(message).toMatch(/^The voice could not be downloaded: you seem to be offline\./u);
      expect(unexpected(fresh.problems)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('ran with nothing going wrong in the page: no errors and no CSP violation', () => {
    expect(unexpected(app.problems)).toEqual([]);
  });
});
