import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const phone = { width: 360, height: 740 };

/** Words and marks that belong to a developer, not to a person using Lull. */
const developerWords = /\/packs\/|manifest|\.json|JSON|position \d|Expected|token|undefined|null|Error/u;

/** The theme's accent colour as the page computes it. */
const accentColour = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--lull-accent)';
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  });

describe('the controls', () => {
  it('are drawn in Lull’s palette, in light and dark: radios, checkboxes, sliders and the file picker', async () => {
    app = await openApp('/session/safe-space', phone);
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const accent = await accentColour(page);
      for (const selector of ['input[type="radio"]', 'input[type="checkbox"]', 'input[type="range"]']) {
        expect(await page.locator(selector).first().evaluate((input) => getComputedStyle(input).accentColor), selector).toBe(accent);
      }
    }
    // The file picker is a Lull button: what shows is Lull's own (its label), not the browser's "Choose File".
    await page.goto(new URL('/your-data', page.url()).href);
    const picker = page.getByLabel('Import a backup');
    await picker.waitFor();
    const lullButton = await page.getByRole('button', { name: 'Export everything' }).evaluate((element) => getComputedStyle(element).borderTopLeftRadius);
    const shown = await picker.evaluate((input: HTMLInputElement) => {
      const face = input.labels?.[0];
      return { inputOpacity: getComputedStyle(input).opacity, faceRadius: face ? getComputedStyle(face).borderTopLeftRadius : '' };
    });
    expect(shown).toEqual({ inputOpacity: '0', faceRadius: lullButton });
    expect(app.problems).toEqual([]);
  });

  it('keeps every question inside its box on a phone', async () => {
    app = await openApp('/check-in', phone);
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    const crossings = await page.locator('fieldset').evaluateAll((fieldsets) =>
      fieldsets.flatMap((fieldset) => {
        const legend = fieldset.querySelector('legend');
        if (!legend) return [];
        const border = Number.parseFloat(getComputedStyle(fieldset).borderTopWidth);
        return legend.getBoundingClientRect().top < fieldset.getBoundingClientRect().top + border - 0.5 ? [legend.textContent.trim()] : [];
      }),
    );
    expect(crossings).toEqual([]);
  });
});

describe('plain words', () => {
  it('says plainly when a session cannot be found, with no file path', async () => {
    app = await openApp('/session/not-a-session');
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).not.toMatch(developerWords);
    expect(text).toBe('There is no session with this name. It may have been renamed or removed.');
  });

  it('says plainly when a backup file is damaged, without the parser’s words', async () => {
    app = await openApp('/your-data');
    const { page } = app;
    const picker = page.getByLabel('Import a backup');
    await eventually(() => picker.isEnabled()).toBe(true);
    await picker.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "lull-backup", "version": 1, "journal": [}') });
    const alert = page.locator('lull-your-data-view').getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).not.toMatch(developerWords);
    expect(await alert.innerText()).toContain('nothing here was changed');
  });

  it('says how much an entry can hold in plain grammar', async () => {
    app = await openApp('/journal');
    await app.page.getByRole('button', { name: 'New entry' }).click();
    await app.page.getByText('An entry can hold up to 200,000 characters.', { exact: false }).waitFor();
  });

  it('speaks of storage without quota figures', async () => {
    app = await openApp('/');
    const storage = app.page.locator('lull-offline-panel').getByText(/^Lull keeps /u);
    await storage.waitFor();
    expect(await storage.innerText()).toMatch(/^Lull keeps \d+(\.\d)? (B|KB|MB|GB) on this device/u);
    expect(await storage.innerText()).not.toMatch(/more is available/u);
  });

  it('names the moods on an even scale, from very heavy to very light', async () => {
    app = await openApp('/check-in');
    const group = app.page.getByRole('group', { name: /How do you feel right now/u });
    await group.waitFor();
    const names = await group.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.closest('label')?.textContent.trim()));
    expect(names).toEqual(['Very heavy', 'Heavy', 'Okay', 'Light', 'Very light']);
  });

  it('names the screen in the tab title', async () => {
    app = await openApp('/');
    const { page } = app;
    const titles = [
      ['/', 'Sessions · Lull'],
      ['/session/safe-space', 'Your safe place · Lull'],
      ['/breathe', 'Breathe · Lull'],
      ['/journal', 'Journal · Lull'],
      ['/letters', 'Letters · Lull'],
      ['/check-ins', 'Check-ins · Lull'],
      ['/your-data', 'Your data · Lull'],
      ['/about', 'About · Lull'],
      ['/break', 'Take a break · Lull'],
    ] as const;
    for (const [path, title] of titles) {
      await page.goto(new URL(path, page.url()).href);
      await eventually(() => page.title()).toBe(title);
    }
  });
});

describe('links', () => {
  it.each([
    ['478', '4-7-8'],
    ['4-7-8', '4-7-8'],
    ['box', 'Box'],
    ['long-exhale', 'Long exhale'],
    ['resonance', 'Resonance'],
  ])('/breathe?pattern=%s opens %s', async (value, name) => {
    app = await openApp(`/breathe?pattern=${value}`);
    const radio = app.page.getByRole('radio', { name: new RegExp(`^${name}\\b`, 'u') });
    await eventually(() => radio.isChecked()).toBe(true);
    expect(await app.page.locator('lull-breathe-view .note').count()).toBe(0);
  });

  it('says on screen which length a session link asked for and what it plays instead', async () => {
    app = await openApp('/safe-space?minutes=999');
    const { page } = app;
    await page.getByText('20 minutes is the longest this session plays', { exact: false }).waitFor();
    expect(await page.locator('#length').inputValue()).toBe('20');
    await page.goto(new URL('/safe-space?minutes=2', page.url()).href);
    await page.getByText('9 minutes is the shortest this session plays', { exact: false }).waitFor();
  });

  it('says on screen when a session link names a choice the session does not have', async () => {
    app = await openApp('/safe-space?place=moon');
    const note = app.page.getByRole('status').filter({ hasText: '“moon”' });
    await note.waitFor();
    expect(await note.innerText()).toContain('A quiet beach');
    expect(await app.page.getByRole('radio', { name: 'A quiet beach' }).isChecked()).toBe(true);
  });

  it('offers only the volumes a session has: no ambience slider on the check-in', async () => {
    app = await openApp('/check-in?minutes=2');
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.getByRole('button', { name: /Pause|Continue/u }).waitFor();
    await page.locator('lull-session-view summary').click();
    await page.getByRole('slider', { name: 'Voice' }).waitFor();
    expect(await page.getByRole('slider', { name: 'Ambience' }).count()).toBe(0);
  });
});
