import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { formatClock } from '../../src/ui/shared/format';
import type { LullApp } from '../../src/ui/shell/lull-app';
import { seriousAxeViolations } from './harness/axe';
import { readDatabase, readDownload } from './harness/data-pages';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';
import { seekTo } from './harness/seek';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The position of the session the app keeps playing, read from its clock in the page. */
const keptPosition = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelector<LullApp>('lull-app')?.nowPlaying.current?.player.position() ?? -1);

/** The position shown on the session's own screen (whole seconds). */
const shownPosition = async (page: Page): Promise<number> => Number(await page.locator('#position').inputValue());

async function setRange(page: Page, label: string, value: number): Promise<void> {
  await page.getByLabel(label, { exact: true }).evaluate((input: HTMLInputElement, to: number) => {
    input.value = String(to);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

interface StoredPlace {
  readonly sessionId: string;
  readonly positionSeconds: number;
  readonly lengthMinutes: number;
  readonly choices: Record<string, string>;
}

const storedPlaces = async (page: Page): Promise<StoredPlace[]> => ((await readDatabase(page))?.resumePositions ?? []) as StoredPlace[];

/** Opens safe space at 9 minutes in the forest, agrees to its note and starts it. */
async function startSafeSpace(): Promise<OpenedApp> {
  const opened = await openApp('/session/safe-space?minutes=9&place=forest');
  await opened.page.getByRole('checkbox', { name: /I understand/u }).check();
  await opened.page.getByRole('button', { name: 'Start', exact: true }).click();
  await opened.page.getByRole('button', { name: 'Pause' }).waitFor();
  return opened;
}

describe('continuity', () => {
  it('keeps a session playing on another screen, with a bar to pause it and return to it at its position', async () => {
    app = await openApp('/session/breathe-long-exhale?minutes=5');
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await eventually(() => shownPosition(page)).toBeGreaterThanOrEqual(2);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { name: 'Sessions', level: 1 }).waitFor();
    const bar = page.getByRole('region', { name: 'Now playing' });
    await bar.getByRole('link', { name: /Long exhale/u }).waitFor();
    // It goes on playing on the library: its clock moves on.
    const left = await keptPosition(page);
    await eventually(() => keptPosition(page)).toBeGreaterThan(left + 1);
    await bar.getByRole('button', { name: 'Pause' }).click();
    await bar.getByRole('button', { name: 'Resume' }).waitFor();
    const paused = await keptPosition(page);
    await page.getByRole('link', { name: 'Journal' }).first().click();
    await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    expect(await keptPosition(page)).toBeCloseTo(paused, 3);
    await bar.getByRole('link', { name: /Long exhale/u }).click();
    // Back on its screen: the same session, where it was, ready to resume; the bar gives way to the screen's own controls.
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await shownPosition(page)).toBe(Math.round(paused));
    expect(await bar.count()).toBe(0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await eventually(() => shownPosition(page)).toBeGreaterThan(Math.round(paused));
    expect(app.problems).toEqual([]);
  });

  it('stops the session from the bar and offers to continue it from where it was', async () => {
    app = await openApp('/session/breathe-long-exhale?minutes=5');
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await seekTo(page, 40);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    const bar = page.getByRole('region', { name: 'Now playing' });
    await bar.getByRole('button', { name: 'Stop' }).click();
    await eventually(() => bar.count()).toBe(0);
    // The library offers it first, and one tap continues it.
    const offer = page.getByRole('link', { name: /Pick up where you left off.*Continue from 0:4\d/u });
    await offer.waitFor();
    await offer.click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await shownPosition(page)).toBeGreaterThanOrEqual(40);
    expect(app.problems).toEqual([]);
  });

  it('offers after a reload to continue within a second of where it was, with the same length and choices', async () => {
    app = await startSafeSpace();
    const { page } = app;
    await seekTo(page, 61.3);
    await eventually(() => shownPosition(page)).toBeGreaterThanOrEqual(63);
    const before = await keptPosition(page);
    await page.reload();
    // The place the closing page left is in the database once the session's screen has read it.
    await page.getByRole('button', { name: /^Continue from/u }).waitFor();
    const [place] = await storedPlaces(page);
    expect(place?.sessionId).toBe('safe-space');
    expect(place?.lengthMinutes).toBe(9);
    expect(place?.choices).toEqual({ place: 'forest' });
    // The closing page left its place as it closed: not the one written a couple of seconds before.
    expect(Math.abs((place?.positionSeconds ?? 0) - before)).toBeLessThan(0.5);
    // The reload opens the session's screen again (its address is the same), at its length and choices, with the offer.
    const at = formatClock(place?.positionSeconds ?? 0);
    const resume = page.getByRole('button', { name: `Continue from ${at}` });
    await resume.waitFor();
    expect(await page.getByLabel('Length').inputValue()).toBe('9');
    expect(await page.getByRole('radio', { name: 'A green forest' }).isChecked()).toBe(true);
    await resume.click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    expect(Math.abs((await keptPosition(page)) - (place?.positionSeconds ?? 0))).toBeLessThan(2);
    expect(await page.locator('#position').getAttribute('max')).toBe(String(await page.evaluate(() => document.querySelector<LullApp>('lull-app')?.nowPlaying.current?.player.currentPlan.duration)));
    expect(await page.evaluate(() => document.querySelector<LullApp>('lull-app')?.nowPlaying.current?.player.lengthMinutes)).toBe(9);
    expect(app.problems).toEqual([]);
  });

  it('brings the person back from a break to the session it paused, where it was', async () => {
    app = await openApp('/session/breathe-long-exhale?minutes=5');
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await seekTo(page, 30);
    await eventually(() => shownPosition(page)).toBeGreaterThanOrEqual(31);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'I need a break' }).click();
    await page.getByRole('heading', { name: 'Take a break' }).waitFor();
    const paused = await keptPosition(page);
    await page.getByRole('heading', { name: 'When you are ready' }).waitFor();
    // The break plays its own grounding session; the paused one waits.
    await eventually(() => keptPosition(page)).toBeCloseTo(paused, 3);
    await page.getByRole('link', { name: /^Back to Long exhale/u }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await shownPosition(page)).toBe(Math.round(paused));
    await page.getByRole('button', { name: 'Resume' }).click();
    await eventually(() => shownPosition(page)).toBeGreaterThan(Math.round(paused));
    expect(app.problems).toEqual([]);
  });

  it('remembers volumes and captions across a reload and through an export and import', async () => {
    app = await openApp('/session/breathe-long-exhale?minutes=5');
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByText('Sound and captions').click();
    await setRange(page, 'Voice', 40);
    await page.getByRole('checkbox', { name: 'Captions' }).uncheck();
    await eventually(async () => ((await readDatabase(page))?.settings ?? []) as { key: string; value: unknown }[]).toEqual(
      expect.arrayContaining([
        { key: 'voiceVolume', value: 0.4 },
        { key: 'captions', value: false },
      ]),
    );
    const expectRemembered = async () => {
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByText('Sound and captions').click();
      await eventually(() => page.getByLabel('Voice', { exact: true }).inputValue()).toBe('40');
      expect(await page.getByRole('checkbox', { name: 'Captions' }).isChecked()).toBe(false);
    };
    await page.goto(new URL('/', page.url()).href);
    await page.goto(new URL('/session/breathe-long-exhale?minutes=5', page.url()).href);
    await expectRemembered();

    await page.goto(new URL('/your-data', page.url()).href);
    await page.getByRole('button', { name: 'Export everything' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything' }).click();
    const exported = await readDownload(await download);
    await page.getByRole('button', { name: 'Delete everything…' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await eventually(() => page.getByText('Everything was deleted.', { exact: false }).count()).toBe(1);
    await page.reload();
    await eventually(() => page.getByLabel('Import a backup').isEnabled()).toBe(true);
    await page.getByLabel('Import a backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await eventually(() => page.getByText(/^Added /u).count()).toBe(1);
    await page.goto(new URL('/session/breathe-long-exhale?minutes=5', page.url()).href);
    await expectRemembered();
    expect(app.problems).toEqual([]);
  });

  it('lists a finished session in the history, with the moods given before and after it', async () => {
    app = await openApp('/session/check-in');
    const { page } = app;
    await page.getByRole('radio', { name: 'Heavy', exact: true }).check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: /Pause|Continue/u }).waitFor();
    const duration = Number(await page.locator('#position').getAttribute('max'));
    await seekTo(page, duration - 1);
    await page.getByRole('heading', { name: 'How do you feel now?' }).or(page.getByText('How do you feel now?')).first().waitFor();
    await page.getByRole('radio', { name: 'Light', exact: true }).check();
    await page.getByRole('link', { name: 'See them all' }).waitFor();
    await eventually(async () => ((await readDatabase(page))?.sessionHistory ?? []) as { moodAfter: number | null }[]).toEqual([expect.objectContaining({ moodBefore: 2, moodAfter: 4 })]);
    await page.getByRole('link', { name: 'See them all' }).click();
    const finished = page.getByRole('list', { name: 'Sessions you finished' }).getByRole('listitem');
    await eventually(() => finished.count()).toBe(1);
    const text = await finished.first().innerText();
    expect(text).toContain('A quick check-in');
    expect(text).toMatch(/Before: Heavy/u);
    expect(text).toMatch(/After: Light/u);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it('shows the favourites first in the library', async () => {
    app = await openApp('/session/butterfly-hug');
    const { page } = app;
    await page.getByRole('button', { name: 'Add to favourites' }).click();
    await page.getByRole('button', { name: 'In your favourites' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    const groups = page.getByRole('list', { name: 'Sessions' }).locator(':scope > li > h2');
    await eventually(() => groups.first().innerText()).toBe('Your favourites');
    expect(await page.getByRole('list', { name: 'Your favourites' }).getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['The butterfly hug']);
    expect(app.problems).toEqual([]);
  });

  it('keeps the pacer breathing on another screen, and takes it back on its own', async () => {
    app = await openApp('/breathe?pattern=box&minutes=3');
    const { page } = app;
    await eventually(() => page.getByRole('button', { name: 'Start', exact: true }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    const bar = page.getByRole('region', { name: 'Now playing' });
    await bar.getByRole('link', { name: /Breathing pacer/u }).waitFor();
    const left = await keptPosition(page);
    await eventually(() => keptPosition(page)).toBeGreaterThan(left + 1);
    await bar.getByRole('link', { name: /Breathing pacer/u }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    expect(await bar.count()).toBe(0);
    expect(await keptPosition(page)).toBeGreaterThan(left + 1);
    expect(app.problems).toEqual([]);
  });

  it('lists the favourite breathing patterns first, and remembers them', async () => {
    app = await openApp('/breathe');
    const { page } = app;
    await eventually(() => page.getByRole('button', { name: 'Start', exact: true }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Favourite: Resonance' }).click();
    const first = () => page.getByRole('group', { name: 'Pattern' }).getByRole('radio').first().getAttribute('value');
    await eventually(first).toBe('resonance');
    await eventually(async () => ((await readDatabase(page))?.settings ?? []) as { key: string; value: unknown }[]).toEqual(
      expect.arrayContaining([{ key: 'favouritePatterns', value: 'resonance' }]),
    );
    await page.reload();
    await eventually(() => page.getByRole('button', { name: 'Favourite: Resonance', pressed: true }).count()).toBe(1);
    expect(await first()).toBe('resonance');
    expect(app.problems).toEqual([]);
  });

  it('has no serious accessibility violations with the now-playing bar and the continue offer, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openApp('/session/breathe-long-exhale?minutes=5');
      const { page } = app;
      await page.emulateMedia({ colorScheme });
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await page.getByRole('button', { name: 'Pause' }).waitFor();
      await seekTo(page, 20);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
      await page.getByRole('region', { name: 'Now playing' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('region', { name: 'Now playing' }).getByRole('button', { name: 'Stop' }).click();
      await page.goto(new URL('/session/breathe-long-exhale', page.url()).href);
      await page.getByRole('button', { name: /^Continue from/u }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await app.close();
      app = undefined;
    }
  });
});
