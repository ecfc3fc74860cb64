import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it, inject } from 'vitest';
import { seriousAxeViolations } from './harness/axe';
import { chromiumFlags, launchChromium } from './harness/chromium';
import { seekTo } from './harness/seek';

let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const fakeMicrophone = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** Notes every sound started with the length of its buffer: a take is a buffer of its own few seconds. */
async function listenToStarts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const played: { when: number; bufferDuration: number }[] = [];
    (window as unknown as { lullPlayed: typeof played }).lullPlayed = played;
    const prototype = AudioBufferSourceNode.prototype;
    const original = Object.getOwnPropertyDescriptor(prototype, 'start')?.value as (this: AudioBufferSourceNode, ...args: unknown[]) => void;
    prototype.start = function start(this: AudioBufferSourceNode, ...args: unknown[]) {
      played.push({ when: Number(args[0] ?? 0), bufferDuration: this.buffer?.duration ?? 0 });
      original.apply(this, args);
    };
  });
}

/** The takes started so far, each named by its length (a recorded take and the device's reading differ). */
const takesPlayed = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { lullPlayed: { bufferDuration: number }[] }).lullPlayed.filter((sound) => sound.bufferDuration > 1 && sound.bufferDuration < 10).length,
  );

const firstLine = 'Hello, little one. You can stop whenever you like.';
const secondLine = 'You matter to me, just as you are.';

async function playAndHear(page: Page, id: string): Promise<void> {
  await page.goto(new URL(`/session/${id}?minutes=3`, inject('baseUrl')).href);
  await page.getByText('2 lines have a voice.').waitFor();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect.poll(() => page.locator('.caption').innerText(), { timeout: 10_000 }).toBe(firstLine);
  await expect.poll(() => takesPlayed(page), { timeout: 10_000 }).toBe(1);
  // The audio clock goes on past the take, and near the end the second line's caption follows it.
  await expect.poll(() => page.locator('.times span').first().innerText(), { timeout: 15_000 }).toMatch(/^0:(0[5-9]|[1-5]\d)/u);
  await seekTo(page, { fromEnd: 12 });
  await expect.poll(() => page.locator('.caption').innerText(), { timeout: 15_000 }).toBe(secondLine);
  // The second line is heard in the device's reading of it.
  await expect.poll(() => takesPlayed(page), { timeout: 10_000 }).toBe(2);
}

describe('a session the person makes', () => {
  it('is made step by step with the engine’s own messages, voiced, played, shared as a file, deleted and opened from the file again', async () => {
    browser = await launchChromium({ args: [...chromiumFlags, ...fakeMicrophone] });
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await listenToStarts(page);

    await page.goto(new URL('/', inject('baseUrl')).href);
    await page.getByRole('button', { name: 'Make a session' }).click();
    await page.getByRole('heading', { name: 'My session', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('For the little one');
    const steps = page.locator('ol.steps > li');
    await steps.nth(0).getByLabel('Words to hear').fill(firstLine);
    await page.getByRole('button', { name: 'Add spoken line' }).click();
    const added = steps.nth(3);
    await expect.poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.textContent ?? '')).toContain('4. Spoken line');
    // An empty line is named on its own step, in the validator's words, and the session cannot play yet.
    await added.getByText('The line to say is empty').waitFor();
    expect(await page.getByRole('button', { name: 'Play', exact: true }).isDisabled()).toBe(true);
    await added.getByLabel('Words to hear').fill(secondLine);
    await added.getByRole('button', { name: /^Move up/u }).click();
    await expect.poll(() => steps.nth(2).getByLabel('Words to hear').inputValue()).toBe(secondLine);
    await page.getByText('It is ready to play.').waitFor();
    // A step is heard on its own: the bell plays, then the step is ready to hear again.
    const bell = steps.nth(3);
    await bell.getByRole('button', { name: /^Hear it/u }).click();
    await bell.getByText('Playing this step…').waitFor();
    await bell.getByRole('button', { name: /^Hear it/u }).waitFor({ timeout: 20_000 });
    await page.getByText('Saved on this device.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(id).toMatch(/^made-[a-z0-9]+$/u);

    // One line in a recorded voice, through the microphone.
    await page.getByRole('link', { name: 'Give its lines a voice' }).click();
    const prompter = page.getByRole('region', { name: /^Line 1 of \d+$/u });
    expect(await prompter.innerText()).toContain(firstLine);
    await prompter.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => prompter.getByRole('timer').innerText(), { timeout: 8000 }).toBe('0:03');
    await prompter.getByRole('button', { name: 'Stop' }).click();
    await prompter.getByText(/^In your voice · 0:0\d$/u).waitFor();

    // The other line read by the voice on the device: its size said before the one download.
    const deviceVoice = page.getByRole('region', { name: 'The voice on this device' });
    await deviceVoice.getByRole('button', { name: 'Download the voice (21.5 MB)' }).click();
    await deviceVoice.getByRole('button', { name: 'Read the line' }).click({ timeout: 60_000 });
    await page.getByText(/^2 of 2 lines have a voice$/u).waitFor({ timeout: 30_000 });
    await deviceVoice.getByText('Every line has a voice.', { exact: false }).waitFor();
    await page.getByRole('button', { name: /Next line/u }).click();
    const second = page.getByRole('region', { name: 'Line 2 of 2' });
    expect(await second.innerText()).toContain(secondLine);
    await second.getByText(/^Read by the voice on this device · 0:0\d$/u).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await playAndHear(page, id);

    // Shared as one file, deleted, and opened from the file: the same session, its take with it.
    await page.goto(new URL(`/make/${id}`, inject('baseUrl')).href);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Share as a file' }).click()]);
    expect(download.suggestedFilename()).toBe('for-the-little-one.lull');
    const shared = await download.path();
    await page.getByRole('button', { name: 'Delete this session' }).click();
    await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Make a session' }).waitFor();
    expect(await page.getByRole('link', { name: 'For the little one' }).count()).toBe(0);

    await page.locator('#session-file').setInputFiles({ name: 'notes.yaml', mimeType: 'text/yaml', buffer: Buffer.from('lull: 1\nid: x\ntitle: Hi\nsteps:\n  - say: [1, 2]\n') });
    await page.getByRole('alert').getByText('notes.yaml was not opened.').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/Line \d+, column \d+: /u);
    await page.locator('#session-file').setInputFiles(shared);
    await page.getByRole('heading', { name: 'For the little one', level: 1 }).waitFor();
    const reopened = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(reopened).not.toBe(id);
    await playAndHear(page, reopened);
    expect(problems).toEqual([]);
  });
});
