import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionPlan } from '../../src/engine/timeline';
import { shippedPlan } from '../helpers/shipped-plan';
import { seriousAxeViolations } from './harness/axe';
import { readDatabase } from './harness/data-pages';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';
import { seekTo } from './harness/seek';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const phone = { width: 360, height: 740 };

/** Where on the screen (viewport pixels) an element sits; it must be there. */
async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

/** Every way to a break a person can see: links and buttons named "I need a break". */
const breakWays = async (page: Page) => (await page.getByRole('link', { name: 'I need a break' }).count()) + (await page.getByRole('button', { name: 'I need a break' }).count());

/** The first stretch of a plan with nothing spoken, no breath and no tap: a silence. */
function firstSilence(plan: SessionPlan): { at: number; end: number } {
  const step = plan.steps.find((candidate) => candidate.kind === 'pause' && candidate.duration >= 6);
  if (!step) throw new Error(`${plan.scriptId} has no long pause`);
  return { at: step.at, end: step.at + step.duration };
}

describe('a session before it starts', () => {
  it.each(['/safe-space', '/breathe'])('%s shows its settings and Start without scrolling on a 360 × 740 phone, with one way to a break', async (path) => {
    app = await openApp(path, phone);
    const start = app.page.getByRole('button', { name: 'Start', exact: true });
    await start.waitFor();
    const box = await start.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(phone.height);
    expect(await app.page.evaluate(() => window.scrollY)).toBe(0);
    expect(await breakWays(app.page)).toBe(1);
    expect(app.problems).toEqual([]);
  });

  it('keeps the settings true to what plays: nothing moves the session before Start, and the length and place chosen are the ones that play', async () => {
    app = await openApp('/safe-space?minutes=12', phone);
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    // Before Start there is no step to skip: skipping would leave the settings on screen but no longer used.
    for (const name of ['Next step', 'Previous step']) {
      const button = page.getByRole('button', { name });
      if ((await button.count()) > 0) expect(await button.isEnabled()).toBe(false);
    }
    await page.locator('#length').evaluate((input: HTMLInputElement) => {
      input.value = '10';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByRole('radio', { name: 'A green forest' }).check();
    await page.getByRole('checkbox', { name: /I understand/u }).check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await eventually(() => page.locator('.times').innerText()).toMatch(/−(10:00|9:5\d)/u);
    const plan = shippedPlan('safe-space', 10, { place: 'forest' });
    const forest = plan.captions.find((caption) => caption.text.includes('forest'));
    if (!forest) throw new Error('no forest line');
    await seekTo(page, Math.ceil(forest.at * 10) / 10 + 0.2);
    await eventually(() => page.locator('.caption').innerText()).toBe(forest.text);
    expect(app.problems).toEqual([]);
  });
});

describe('a session while it plays', () => {
  it('folds the header into one quiet bar with a single way to a break', async () => {
    app = await openApp('/session/breathe-long-exhale?minutes=5', phone);
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await eventually(() => page.getByRole('link', { name: 'Journal' }).count()).toBe(0);
    expect(await breakWays(page)).toBe(1);
    expect((await boxOf(page, 'lull-app >> header')).height).toBeLessThanOrEqual(64);
    // The session fills the screen: its controls are on it without scrolling.
    const pause = await page.getByRole('button', { name: 'Pause' }).boundingBox();
    expect((pause?.y ?? Infinity) + (pause?.height ?? 0)).toBeLessThanOrEqual(phone.height);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    expect(app.problems).toEqual([]);
  });

  it('fills a silence with a slow visual that moves on the audio clock, and stays still under reduced motion', async () => {
    const plan = shippedPlan('safe-space', 12);
    const silence = firstSilence(plan);
    app = await openApp('/safe-space?minutes=12', phone);
    const { page } = app;
    await page.getByRole('checkbox', { name: /I understand/u }).check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await seekTo(page, silence.at + 0.5);
    const visual = page.locator('[data-visual="calm"]');
    await visual.waitFor();
    const box = await visual.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(200);
    const size = () => visual.locator('.breath').evaluate((circle) => circle.getBoundingClientRect().width.toFixed(1));
    const first = await size();
    await eventually(size).not.toBe(first);
    // Under reduced motion the visual is there, and still.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await seekTo(page, silence.at + 0.5);
    const still = await size();
    const clock = await page.locator('.times').innerText();
    await eventually(() => page.locator('.times').innerText()).not.toBe(clock);
    expect(await size()).toBe(still);
    expect(app.problems).toEqual([]);
  });

  it('shows a narrated breathing step with the breath shape at the pacer’s size', async () => {
    app = await openApp('/breathe', { width: 1280, height: 800 });
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    const pacerWidth = (await boxOf(page, 'lull-breathe-view >> .shape')).width;
    const plan = shippedPlan('breathe-long-exhale', 5);
    const breath = plan.events.find((event) => event.kind === 'breath');
    if (!breath) throw new Error('no breath in the breathing session');
    await page.goto(new URL('/session/breathe-long-exhale?minutes=5', page.url()).href);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await seekTo(page, breath.at + 0.2);
    await page.locator('[data-visual="breath"]').waitFor();
    expect((await boxOf(page, 'lull-session-view >> [data-visual="breath"] .shape')).width).toBe(pacerWidth);
    expect(app.problems).toEqual([]);
  });

  it('seeks to where the progress bar is pressed, even while the bar moves with the session', async () => {
    app = await openApp('/session/breathe-long-exhale?minutes=10', { width: 1024, height: 800 });
    const { page } = app;
    const duration = shippedPlan('breathe-long-exhale', 10).duration;
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    const bar = await boxOf(page, '#position');
    await page.mouse.move(bar.x + bar.width * 0.75, bar.y + bar.height / 2);
    await page.mouse.down();
    // While the pointer is held down the session keeps playing, and its clock moves on screen.
    const clock = await page.locator('.times').innerText();
    await eventually(() => page.locator('.times').innerText()).not.toBe(clock);
    await page.mouse.up();
    await eventually(async () => Number(await page.locator('#position').inputValue())).toBeGreaterThan(duration * 0.65);
    expect(app.problems).toEqual([]);
  });
});

/** The text of the element that has the keyboard's focus, looking inside shadow roots. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.textContent.replace(/\s+/gu, ' ').trim() ?? '';
  });

describe('a session with the keyboard', () => {
  it('keeps the keyboard’s place: after Start, focus is on Pause; at the end, on the closing line', async () => {
    app = await openApp('/session/breathe-long-exhale?minutes=3', phone);
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => focusedText(page)).toBe('Pause');
    await seekTo(page, Math.floor(shippedPlan('breathe-long-exhale', 3).duration) - 1);
    await eventually(() => focusedText(page), 15_000).toBe('Well done.');
    expect(app.problems).toEqual([]);
  });
});

describe('the end of a session', () => {
  it('is a closing moment: a last line, the after-mood at hand and saved with one tap, a note to write, and the way back', async () => {
    const plan = shippedPlan('five-questions', 10);
    app = await openApp('/session/five-questions?minutes=10', phone);
    const { page } = app;
    await page.getByRole('checkbox', { name: /I understand/u }).check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: /Pause|Continue/u }).waitFor();
    await seekTo(page, Math.floor(plan.duration) - 2);
    const mood = page.getByRole('group', { name: 'How do you feel now?' });
    await mood.waitFor({ timeout: 15_000 });
    // The last question's box has closed; the closing line and the question are on the screen.
    expect(await page.locator('textarea').count()).toBe(0);
    await page.getByText('Well done.', { exact: false }).first().waitFor();
    const light = mood.getByRole('radio', { name: 'Light', exact: true });
    const box = await light.boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(phone.height);
    await light.check();
    await eventually(async () => ((await readDatabase(page))?.checkIns ?? []).map((checkIn) => (checkIn as { moodAfter: number | null }).moodAfter)).toEqual([4]);
    await page.getByRole('status').filter({ hasText: 'Saved to your check-ins' }).waitFor();
    await page.getByRole('button', { name: 'Write a note' }).click();
    await page.locator('textarea').waitFor();
    expect(await page.getByRole('link', { name: 'Back to the sessions' }).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
