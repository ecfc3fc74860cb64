import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { chromiumFlags, launchChromium } from './harness/chromium';
import { readDatabase } from './harness/data-pages';

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const fakeMicrophone = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** Opens /letters (where the letter is recorded) with every microphone stream the page gets kept in `window.lullStreams`, and its problems recorded. */
async function openLetters(page: Page, problems: string[]): Promise<void> {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { lullStreams: MediaStream[] }).lullStreams = streams;
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      streams.push(stream);
      return stream;
    };
  });
  await page.goto(new URL('/letters', inject('baseUrl')).href);
}

const recorder = (page: Page) => page.locator('lull-recorder');

async function chunkCount(page: Page): Promise<number> {
  return (await readDatabase(page))?.recordingChunks?.length ?? 0;
}

describe('the voice recorder', () => {
  it('asks for the microphone only on Record, saves chunks while recording, and keeps a recording cut off by a closed page', async () => {
    browser = await launchChromium({ args: [...chromiumFlags, ...fakeMicrophone] });
    const context = await browser.newContext();
    const problems: string[] = [];
    const page = await context.newPage();
    await openLetters(page, problems);
    await recorder(page).getByRole('button', { name: 'Record' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { lullStreams: MediaStream[] }).lullStreams.length)).toBe(0);
    await recorder(page).getByRole('button', { name: 'Record' }).click();
    await recorder(page).getByRole('button', { name: 'Stop' }).waitFor();
    await expect.poll(() => chunkCount(page), { timeout: 9000, interval: 250 }).toBeGreaterThanOrEqual(1);
    await page.close();

    const reopened = await context.newPage();
    await openLetters(reopened, problems);
    await expect.poll(() => recorder(reopened).getByText('This recording was cut off when the page closed.', { exact: false }).count(), { timeout: 3000 }).toBe(1);
    const stores = await readDatabase(reopened);
    const [recording] = (stores?.recordings ?? []) as { byteLength: number; chunkCount: number; complete: boolean; mimeType: string }[];
    expect(recording).toMatchObject({ complete: false, mimeType: expect.stringMatching(/^audio\//u) as unknown });
    expect(recording?.byteLength).toBeGreaterThan(0);
    expect(recording?.chunkCount).toBe(stores?.recordingChunks?.length);
    expect(await recorder(reopened).locator('audio').getAttribute('src')).toMatch(/^blob:/u);
    expect(problems).toEqual([]);
  });

  it('records, stops every microphone track, saves the recording whole, plays it back and deletes it', async () => {
    browser = await launchChromium({ args: [...chromiumFlags, ...fakeMicrophone] });
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    await openLetters(page, problems);
    await recorder(page).getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => recorder(page).getByRole('timer').innerText(), { timeout: 3000 }).toBe('0:01');
    expect(await page.evaluate(() => (window as unknown as { lullStreams: MediaStream[] }).lullStreams.length)).toBe(1);
    await recorder(page).getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => recorder(page).getByText(/^Saved · 0:0[12]$/u).count(), { timeout: 3000 }).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { lullStreams: MediaStream[] }).lullStreams.flatMap((stream) => stream.getTracks().map((track) => track.readyState)))).toEqual(['ended']);
    expect(((await readDatabase(page))?.recordings ?? [])[0]).toMatchObject({ complete: true });
    const playable = await recorder(page)
      .locator('audio')
      .evaluate(
        (audio: HTMLAudioElement) =>
          new Promise<boolean>((resolve) => {
            if (audio.readyState >= 1) resolve(true);
            audio.addEventListener('loadedmetadata', () => resolve(true), { once: true });
            audio.addEventListener('error', () => resolve(false), { once: true });
            audio.load();
          }),
      );
    expect(playable).toBe(true);
    await recorder(page).getByRole('button', { name: 'Delete' }).click();
    await recorder(page).getByRole('button', { name: 'Delete recording' }).click();
    await recorder(page).getByRole('button', { name: 'Record' }).waitFor();
    const stores = await readDatabase(page);
    expect([stores?.recordings?.length, stores?.recordingChunks?.length]).toEqual([0, 0]);
    expect(problems).toEqual([]);
  });

  it('says clearly when the microphone is denied', async () => {
    browser = await launchChromium();
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    const problems: string[] = [];
    await openLetters(page, problems);
    await recorder(page).getByRole('button', { name: 'Record' }).click();
    await expect
      .poll(() => recorder(page).getByRole('alert').innerText())
      .toBe(
        'Lull can’t use the microphone because permission was turned down. To record, allow the microphone for this site in your browser’s settings, then tap Record again.',
      );
    expect(await recorder(page).getByRole('button', { name: 'Record' }).count()).toBe(1);
    expect((await readDatabase(page))?.recordings ?? []).toEqual([]);
  });
});
