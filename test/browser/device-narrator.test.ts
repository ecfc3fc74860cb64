import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceNarrator } from '../../src/services/device-narrator';
import type { DeviceNarratorLoader } from '../../src/services/device-narrator-context';
import { untilControlled } from './harness/app-at';
import { openApp, type OpenedApp } from './harness/page';

declare global {
  interface Window {
    lullNarrator?: DeviceNarrator;
  }
}

/** What a line sounded like, decoded by the browser's own decoder. */
interface Heard {
  readonly seconds: number;
  readonly decodedSeconds: number;
  readonly sampleRate: number;
  readonly channels: number;
  /** From the first sounding 10 ms to the last, 40 dB under the loudest. */
  readonly speechSeconds: number;
  readonly bytes: number;
  /** The longest the page's own thread went without running a 20 ms timer while the line was read. */
  readonly longestStall: number;
}

/** Problems in the page, less the requests that fail because a test cut the network on purpose. */
const unexpected = (problems: readonly string[]): string[] => problems.filter((problem) => !problem.includes('Failed to load resource'));

const line = 'Let your shoulders soften, and let your breath find its own pace.';
const words = line.split(' ').length;

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

/** Reads `text` on the device and decodes the WAV it gives back, timing the page's thread meanwhile. */
const speakAndHear = (text: string): Promise<Heard> =>
  app.page.evaluate(async (text) => {
    const narrator = window.lullNarrator;
    if (!narrator) throw new Error('no narrator');
    let last = performance.now();
    let longestStall = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 20);
    const spoken = await narrator.speak(text).finally(() => clearInterval(timer));
    const bytes = spoken.wav.byteLength;
    const buffer = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(spoken.wav);
    const samples = buffer.getChannelData(0);
    const frame = Math.round(buffer.sampleRate / 100);
    const levels: number[] = [];
    for (let start = 0; start + frame <= samples.length; start += frame) {
      let sum = 0;
      for (let index = start; index < start + frame; index += 1) sum += (samples[index] ?? 0) ** 2;
      levels.push(Math.sqrt(sum / frame));
    }
    const threshold = Math.max(...levels) / 100;
    const first = levels.findIndex((level) => level > threshold);
    const lastSounding = levels.length - 1 - [...levels].reverse().findIndex((level) => level > threshold);
    return {
      seconds: spoken.seconds,
      decodedSeconds: buffer.duration,
      sampleRate: buffer.sampleRate,
      channels: buffer.numberOfChannels,
      speechSeconds: (lastSounding - first + 1) / 100,
      bytes,
      longestStall,
    };
  }, text);

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
    const wordsPerMinute = (words / heard.speechSeconds) * 60;
    expect(wordsPerMinute).toBeGreaterThan(90);
    expect(wordsPerMinute).toBeLessThan(140);
    expect(heard.longestStall).toBeLessThan(250);
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

  it('refuses an empty line and one longer than a script allows, in plain words', async () => {
    const refusals = await app.page.evaluate(async () => {
      const narrator = window.lullNarrator;
      if (!narrator) throw new Error('no narrator');
      const reason = (promise: Promise<unknown>) => promise.then(() => 'read', (error: unknown) => (error instanceof Error ? error.message : String(error)));
      return [await reason(narrator.speak('  ')), await reason(narrator.speak('and rest '.repeat(60)))];
    });
    expect(refusals[0]).toBe('There is nothing to read: the line is empty.');
    expect(refusals[1]).toMatch(/^This line would take about \d+ seconds to read; a line can take at most 25\. Split it into shorter lines\.$/u);
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

  it('says in plain words that it cannot download while offline', async () => {
    const fresh = await openApp('/');
    try {
      await untilControlled(fresh.page);
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
