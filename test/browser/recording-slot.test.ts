import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it, inject } from 'vitest';
import { shippedManifest, shippedPlan } from '../helpers/shipped-plan';
import { audioStarts, recordAudioStarts } from './harness/audio-starts';
import { chromiumFlags, launchChromium } from './harness/chromium';
import { openApp, type OpenedApp } from './harness/page';
import { seekTo } from './harness/seek';

let browser: Browser | undefined;
let app: OpenedApp | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await app?.close();
  app = undefined;
});

const fakeMicrophone = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

describe('a session with a place for the person’s own recording', () => {
  it('plays the letter the person recorded, in their own voice, where the session makes room for it', async () => {
    browser = await launchChromium({ args: [...chromiumFlags, ...fakeMicrophone] });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await recordAudioStarts(page);
    await page.goto(new URL('/letters', inject('baseUrl')).href);
    const recorder = page.locator('lull-recorder');
    await recorder.getByRole('button', { name: 'Record' }).click();
    await expect.poll(() => recorder.getByRole('timer').innerText(), { timeout: 6000 }).toBe('0:02');
    await recorder.getByRole('button', { name: 'Stop' }).click();
    await recorder.getByRole('button', { name: 'Delete' }).waitFor();

    const withoutRecording = shippedPlan('letter', 11);
    const slot = withoutRecording.steps.find((step) => step.kind === 'recording');
    if (!slot) throw new Error('the letter session has no recording step');
    await page.goto(new URL('/session/letter?minutes=11', inject('baseUrl')).href);
    await page.getByRole('checkbox', { name: /I understand/u }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    const before = (await audioStarts(page)).length;
    await seekTo(page, Math.ceil(slot.at));
    await page.getByText('Your own recording').first().waitFor();
    // The recording itself (about two seconds long), not the narration sprite, starts at the slot.
    const narrationEnd = Math.max(...Object.values(shippedManifest('letter').lines).map((line) => line.start + line.duration));
    await expect
      .poll(async () => (await audioStarts(page)).slice(before).filter((call) => !call.loop && call.bufferDuration > 1 && call.bufferDuration < 4 && call.bufferDuration < narrationEnd).length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
  });

  it('says on the screen where to record the letter while the voice speaks to the person, and not before', async () => {
    const slot = shippedPlan('letter', 11).steps.find((step) => step.kind === 'recording');
    if (!slot) throw new Error('the letter session has no recording step');
    app = await openApp('/session/letter?minutes=11');
    const { page } = app;
    await page.getByRole('checkbox', { name: /I understand/u }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    const hint = page.getByText('On the Letters page you can record it in your own voice');
    expect(await hint.count()).toBe(0);
    await seekTo(page, Math.ceil(slot.at));
    await hint.waitFor();
    // The voice itself says nothing about the app: its caption is the fallback line.
    await expect.poll(() => page.locator('.caption').innerText()).toMatch(/^There is no letter in your own voice here yet/u);
    expect(app.problems).toEqual([]);
  });
});
