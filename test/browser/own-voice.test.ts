import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it, inject } from 'vitest';
import { shippedManifest, shippedPlan } from '../helpers/shipped-plan';
import { seriousAxeViolations } from './harness/axe';
import { chromiumFlags, launchChromium } from './harness/chromium';

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const fakeMicrophone = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
const sessionId = 'check-in';

interface PlayedSound {
  readonly when: number;
  readonly offset: number;
  readonly duration: number;
  readonly bufferDuration: number;
  /** The loudest 20 ms of what this start plays, in dB below full scale. */
  readonly peakDb: number;
}

/** Notes every sound started, with how loud the part it plays is: what reaches the output, sound by sound. */
async function listenToStarts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: PlayedSound[] = [];
    (window as unknown as { lullPlayed: PlayedSound[] }).lullPlayed = played;
    const prototype = AudioBufferSourceNode.prototype;
    const original = Object.getOwnPropertyDescriptor(prototype, 'start')?.value as (this: AudioBufferSourceNode, when?: number, offset?: number, duration?: number) => void;
    prototype.start = function start(this: AudioBufferSourceNode, when = 0, offset = 0, duration = Number.NaN) {
      const buffer = this.buffer;
      let peak = 0;
      if (buffer && !this.loop && buffer.duration < 30) {
        const samples = buffer.getChannelData(0);
        const from = Math.round(offset * buffer.sampleRate);
        const to = Number.isNaN(duration) ? samples.length : Math.min(samples.length, Math.round((offset + duration) * buffer.sampleRate));
        const frame = Math.round(0.02 * buffer.sampleRate);
        for (let start = from; start < to; start += frame) {
          let sum = 0;
          for (let index = start; index < Math.min(to, start + frame); index += 1) sum += (samples[index] ?? 0) ** 2;
          peak = Math.max(peak, sum / frame);
        }
      }
      played.push({ when, offset, duration, bufferDuration: buffer?.duration ?? 0, peakDb: 10 * Math.log10(peak + 1e-12) });
      original.call(this, when, offset, Number.isNaN(duration) ? undefined : duration);
    };
  });
}

const playedSounds = (page: Page) => page.evaluate(() => (window as unknown as { lullPlayed: PlayedSound[] }).lullPlayed);

describe('a session in the person’s own voice', () => {
  it('records a line through the microphone, trims it, and plays it in the session in the narrator’s place, on the same plan', async () => {
    browser = await launchChromium({ args: [...chromiumFlags, ...fakeMicrophone] });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await listenToStarts(page);
    const [firstLine] = shippedPlan(sessionId, 2).events.filter((event) => event.kind === 'voice');
    if (firstLine?.kind !== 'voice') throw new Error('the check-in has no first line');

    await page.goto(new URL(`/session/${sessionId}/narrate`, inject('baseUrl')).href);
    await page.getByRole('heading', { name: 'A quick check-in in your own voice' }).waitFor();
    const prompter = page.getByRole('region', { name: /^Line 1 of \d+$/u });
    expect(await prompter.innerText()).toContain(firstLine.text);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await prompter.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => prompter.getByRole('timer').innerText(), { timeout: 8000 }).toBe('0:03');
    await prompter.getByRole('button', { name: 'Stop' }).click();
    await prompter.getByText(/^In your voice · 0:0\d$/u).waitFor();
    await page.getByText(/^1 of \d+ lines in your voice$/u).waitFor();
    await prompter.getByRole('button', { name: 'Listen' }).waitFor();

    // Shared as one file, let go, and brought back from that file: the take is the same.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save my takes as a file' }).click()]);
    expect(download.suggestedFilename()).toBe(`lull-voice-${sessionId}.json`);
    const shared = await download.path();
    await prompter.getByRole('button', { name: 'Use the narrator' }).click();
    await prompter.getByRole('button', { name: 'Delete my take' }).click();
    await page.getByText(/^0 of \d+ lines in your voice$/u).waitFor();
    await page.locator('#reading-file').setInputFiles(shared);
    await page.getByText('One take was added.').waitFor();
    await page.getByText(/^1 of \d+ lines in your voice$/u).waitFor();
    await page.locator('#reading-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await page.getByRole('alert').getByText('This file is not a Lull backup.').waitFor();
    await page.getByText(/^1 of \d+ lines in your voice$/u).waitFor();

    await page.goto(new URL(`/session/${sessionId}?minutes=2`, inject('baseUrl')).href);
    await page.getByText('One line plays in your own voice.').waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('.caption').innerText()).toBe(firstLine.text);
    const sprite = Math.max(...Object.values(shippedManifest(sessionId).lines).map((line) => line.start + line.duration));
    // The first voice to play is the take: a buffer of the few seconds recorded, not the narration's sprite, with sound in it.
    await expect.poll(async () => (await playedSounds(page)).filter((sound) => sound.bufferDuration > 1 && sound.bufferDuration < 10).length, { timeout: 10_000 }).toBe(1);
    const played = await playedSounds(page);
    const take = played.find((sound) => sound.bufferDuration > 1 && sound.bufferDuration < 10);
    if (!take) throw new Error('the take did not play');
    expect(take.duration).toBeGreaterThan(0.5);
    expect(take.duration).toBeLessThanOrEqual(take.bufferDuration);
    expect(take.peakDb).toBeGreaterThan(-40);
    expect(played.filter((sound) => Math.abs(sound.bufferDuration - sprite) < 0.6 && sound.when <= take.when)).toEqual([]);
    // The narrator goes on with the next line once the take and its rest are over.
    await expect.poll(async () => (await playedSounds(page)).filter((sound) => Math.abs(sound.bufferDuration - sprite) < 0.6).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const next = (await playedSounds(page)).find((sound) => Math.abs(sound.bufferDuration - sprite) < 0.6);
    expect(next?.when).toBeGreaterThan(take.when + take.duration);
    expect(problems).toEqual([]);
  });
});
