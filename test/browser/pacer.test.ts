import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { pacerScript, type PacerSettings } from '../../src/engine/pacer-script';
import type { CommonManifest, SpriteClip } from '../../src/engine/pack-manifest';
import { planSession } from '../../src/engine/plan-session';
import { audioStarts, recordAudioStarts, type StartCall } from './harness/audio-starts';
import { seriousAxeViolations } from './harness/axe';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';

const common = JSON.parse(readFileSync('public/packs/common/common.json', 'utf8')) as CommonManifest;
const spriteEnd = (clips: readonly SpriteClip[]) => Math.max(...clips.map((clip) => clip.start + clip.duration));
const cuesLength = spriteEnd(Object.values(common.cues.clips));
const isCue = (call: StartCall) => !call.loop && Math.abs(call.bufferDuration - cuesLength) < 0.6;
/** Which shared sound a start plays, from where in the cue sprite it starts. */
const clipOf = (call: StartCall) => Object.entries(common.cues.clips).find(([, clip]) => Math.abs(clip.start - call.offset) < 1e-6)?.[0];

/** The plan the pacer makes for these settings (it has no spoken lines). */
const pacerPlan = (settings: PacerSettings) => {
  const script = pacerScript(settings);
  return planSession(script, { minutes: script.length.default, speechSeconds: () => 0, keyOf: (text) => text });
};

declare global {
  interface Window {
    lullVibrations?: { pattern: unknown; at: number }[];
    lullWakeLog?: string[];
    lullSentinels?: EventTarget[];
  }
}

/** Records `navigator.vibrate` calls with the moment they were made (performance.now()). */
const recordVibrations = (page: Page) =>
  page.addInitScript(() => {
    const calls: { pattern: unknown; at: number }[] = [];
    window.lullVibrations = calls;
    Navigator.prototype.vibrate = function vibrate(pattern: unknown) {
      calls.push({ pattern, at: performance.now() });
      return true;
    };
  });

/** A device without `navigator.vibrate`. */
const withoutVibration = (page: Page) =>
  page.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'vibrate');
  });

/** A Screen Wake Lock that logs every request and release; a test can release a lock as the system would. */
const recordWakeLock = (page: Page) =>
  page.addInitScript(() => {
    const log: string[] = [];
    const sentinels: EventTarget[] = [];
    window.lullWakeLog = log;
    window.lullSentinels = sentinels;
    class RecordingSentinel extends EventTarget {
      released = false;
      readonly type = 'screen';
      release(): Promise<void> {
        if (!this.released) {
          this.released = true;
          log.push('release');
          this.dispatchEvent(new Event('release'));
        }
        return Promise.resolve();
      }
    }
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request(type: string) {
          log.push(`request ${type}`);
          const sentinel = new RecordingSentinel();
          sentinels.push(sentinel);
          return Promise.resolve(sentinel);
        },
      },
    });
  });

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Opens the pacer at `path` and waits until one press of Start plays it. */
async function openPacer(path: string, before?: (page: Page) => Promise<unknown>): Promise<OpenedApp> {
  const opened = await openApp(path, undefined, async (page) => {
    await recordAudioStarts(page);
    await before?.(page);
  });
  await eventually(() => opened.page.getByRole('button', { name: 'Start', exact: true }).isEnabled()).toBe(true);
  return opened;
}

const view = (page: Page) => page.locator('lull-breathe-view');
/** The breathing circle's size as drawn (its animation included), in pixels. */
const radius = (page: Page) => view(page).locator('.breath').evaluate((circle) => circle.getBoundingClientRect().width / 2);
const phaseWords = (page: Page) => view(page).locator('.phase .words').innerText();

describe('the breathing pacer', () => {
  it('plays a preset with its breath cues exactly the pattern apart, a circle and words that follow the breath, and a pulse at each change', async () => {
    app = await openPacer('/breathe?pattern=long-exhale&minutes=2&cue=tone', recordVibrations);
    const { page } = app;
    await view(page).getByRole('checkbox', { name: 'Vibrate gently at each change of breath' }).check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    await eventually(() => phaseWords(page)).toBe('Breathe in');
    expect(await view(page).locator('[aria-live="polite"]').innerText()).toBe('Breathe in');
    const growing = await radius(page);
    await eventually(() => radius(page)).toBeGreaterThan(growing);

    await eventually(() => phaseWords(page)).toBe('Breathe out');
    expect(await view(page).locator('[aria-live="polite"]').innerText()).toBe('Breathe out');
    const shrinking = await radius(page);
    await eventually(() => radius(page)).toBeLessThan(shrinking);

    // One short pulse at the start of the in-breath, one at the out-breath: 4 s apart.
    const vibrations = await page.evaluate(() => window.lullVibrations ?? []);
    expect(vibrations.map((call) => call.pattern)).toEqual([40, 40]);
    expect(((vibrations[1]?.at ?? 0) - (vibrations[0]?.at ?? 0)) / 1000).toBeCloseTo(4, 0);

    // The tones go to the audio thread at exactly the planned times: in 4 s, out 6 s, in.
    await eventually(async () => (await audioStarts(page)).filter((call) => isCue(call) && clipOf(call)?.startsWith('tone-')).length, 15_000).toBeGreaterThanOrEqual(3);
    const [bell, ...tones] = (await audioStarts(page)).filter(isCue);
    const planned = pacerPlan({ patternName: 'Long exhale', pattern: { inhale: 4, hold: 0, exhale: 6, rest: 0 }, length: { minutes: 2 }, cue: 'tone' }).events.filter(
      (event) => event.kind === 'cue',
    );
    expect(clipOf(bell as StartCall)).toBe('bell');
    expect(tones.slice(0, 3).map(clipOf)).toEqual(['tone-inhale', 'tone-exhale', 'tone-inhale']);
    tones.slice(0, 3).forEach((call, index) => {
      expect(call.when - (bell?.when ?? 0)).toBeCloseTo((planned[index + 1]?.at ?? 0) - (planned[0]?.at ?? 0), 6);
      expect(call.when).toBeGreaterThan(call.calledAt);
    });
    expect(app.problems).toEqual([]);
  });

  it('opens a deep link ready to start with its pattern, length and cue, and says what it could not use', async () => {
    app = await openPacer('/breathe?pattern=4-7-8&cycles=8&cue=tone', withoutVibration);
    const pacer = view(app.page);
    expect(await pacer.getByRole('radio', { name: /^4-7-8/u }).isChecked()).toBe(true);
    expect(await pacer.getByRole('radio', { name: 'By breaths' }).isChecked()).toBe(true);
    expect(await pacer.getByLabel('Breaths (1–189)').inputValue()).toBe('8');
    expect(await pacer.getByRole('radio', { name: 'Tone', exact: true }).isChecked()).toBe(true);
    // A bell, 8 breaths of 19 s, a bell.
    await eventually(() => pacer.locator('.times').innerText()).toContain('−2:40');
    await eventually(() => pacer.locator('#length-summary').innerText()).toBe('8 breaths, about 3 min');
    expect(await pacer.locator('.note').count()).toBe(0);
    // Without navigator.vibrate there is no switch, only a sentence.
    expect(await pacer.getByRole('checkbox').count()).toBe(0);
    await pacer.getByText('This device cannot vibrate, so the pacer keeps time with sound, the circle and the words.').waitFor();

    await app.page.goto(new URL('/breathe?pattern=nope&minutes=500&cue=loud', app.page.url()).href);
    await eventually(() => app?.page.getByRole('button', { name: 'Start', exact: true }).isEnabled()).toBe(true);
    await eventually(() => pacer.locator('.note').innerText()).toContain('There is no breathing pattern called “nope”, so the pacer uses Long exhale.');
    expect(await pacer.locator('.note').innerText()).toContain('A length of “500” minutes is not possible (1 to 60), so the pacer plays 5 minutes.');
    expect(await pacer.getByRole('radio', { name: /^Long exhale/u }).isChecked()).toBe(true);
    expect(await pacer.getByLabel('Minutes (1–60)').inputValue()).toBe('5');
    expect(await pacer.getByRole('radio', { name: 'Soft voice', exact: true }).isChecked()).toBe(true);

    // Cues that thin out: words for the first breaths, then tones, then silence.
    await app.page.goto(new URL('/breathe?pattern=box&minutes=5&cue=voice-then-quiet', app.page.url()).href);
    await eventually(() => pacer.getByRole('radio', { name: 'Words, then tones, then silence', exact: true }).isChecked()).toBe(true);
    await pacer.getByRole('radio', { name: 'Words, then tones', exact: true }).check();
    // The choice is remembered: the pacer opened without a link offers it again.
    await eventually(async () => {
      await app?.page.goto(new URL('/breathe', app.page.url()).href);
      return pacer.getByRole('radio', { name: 'Words, then tones', exact: true }).isChecked();
    }).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it('makes a custom pattern that survives a reload, plays it from a link by name, and deletes it after asking', async () => {
    app = await openPacer('/breathe');
    const { page } = app;
    const editor = view(page).locator('lull-breath-pattern-editor');
    await editor.getByLabel(/^Name/u).fill('Evening calm 🌙');
    await editor.getByLabel(/^Breathe in/u).fill('3');
    await editor.getByLabel(/^Hold/u).fill('1');
    await editor.getByLabel(/^Breathe out/u).fill('5');
    await editor.getByLabel(/^Rest/u).fill('1');
    await editor.getByRole('button', { name: 'Save pattern' }).click();
    await editor.getByRole('status').getByText('Saved “Evening calm 🌙”.').waitFor();
    // The new pattern is chosen at once.
    await eventually(() => view(page).getByRole('radio', { name: /^Evening calm 🌙/u }).isChecked()).toBe(true);

    await page.reload();
    await view(page).getByRole('radio', { name: /^Evening calm 🌙 In 3 · hold 1 · out 5 · rest 1 seconds/u }).waitFor();
    expect(await view(page).getByRole('radio', { name: /^Evening calm/u }).isChecked()).toBe(true);

    await page.goto(new URL('/breathe?pattern=evening%20calm%20%F0%9F%8C%99&cycles=2&cue=tone', page.url()).href);
    await eventually(() => page.getByRole('button', { name: 'Start', exact: true }).isEnabled()).toBe(true);
    expect(await view(page).getByRole('radio', { name: /^Evening calm/u }).isChecked()).toBe(true);
    // A bell, 2 breaths of 10 s, a bell.
    await eventually(() => view(page).locator('.times').innerText()).toContain('−0:28');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await eventually(() => phaseWords(page)).toBe('Breathe in');
    await eventually(async () => (await audioStarts(page)).filter(isCue).map(clipOf).slice(0, 2)).toEqual(['bell', 'tone-inhale']);
    await view(page).getByRole('button', { name: 'Stop' }).click();

    await editor.getByRole('button', { name: 'Delete Evening calm 🌙' }).click();
    await editor.getByText('Delete “Evening calm 🌙”? It cannot be brought back.').waitFor();
    await editor.getByRole('button', { name: 'Delete pattern' }).click();
    await editor.getByText('No patterns of your own yet.', { exact: false }).waitFor();
    await eventually(() => view(page).getByRole('radio', { name: /^Long exhale/u }).isChecked()).toBe(true);
    await page.reload();
    await view(page).locator('lull-breath-pattern-editor').getByText('No patterns of your own yet.', { exact: false }).waitFor();
    expect(await view(page).getByRole('radio', { name: /^Evening calm/u }).count()).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it('refuses a pattern it cannot use with a clear message per field, and keeps everything typed', async () => {
    app = await openPacer('/breathe');
    const editor = view(app.page).locator('lull-breath-pattern-editor');
    await editor.getByLabel(/^Name/u).fill('Box');
    await editor.getByLabel(/^Breathe in/u).fill('0');
    await editor.getByLabel(/^Hold/u).fill('ninety');
    await editor.getByLabel(/^Breathe out/u).fill('8');
    await editor.getByRole('button', { name: 'Save pattern' }).click();
    await eventually(() => editor.locator('#pattern-name-problem').innerText()).toBe('There is already a pattern called “Box”. Choose another name.');
    expect(await editor.locator('#pattern-inhale-problem').innerText()).toBe('Breathe in for 1 to 60 seconds.');
    expect(await editor.locator('#pattern-hold-problem').innerText()).toBe('Hold for 0 to 60 seconds (0 for no hold).');
    expect(await editor.locator('#pattern-exhale-problem').innerText()).toBe('');
    // Focus goes to the first field to fix; nothing typed is lost.
    expect(await editor.getByLabel(/^Name/u).evaluate((input) => input.matches(':focus'))).toBe(true);
    expect(await editor.getByLabel(/^Name/u).inputValue()).toBe('Box');
    expect(await editor.getByLabel(/^Breathe in/u).inputValue()).toBe('0');
    expect(await editor.getByLabel(/^Hold/u).inputValue()).toBe('ninety');
    expect(await editor.getByLabel(/^Breathe out/u).inputValue()).toBe('8');
    expect(await editor.getByLabel(/^Name/u).getAttribute('aria-invalid')).toBe('true');
    await editor.getByLabel(/^Name/u).fill('x'.repeat(41));
    await editor.getByRole('button', { name: 'Save pattern' }).click();
    await eventually(() => editor.locator('#pattern-name-problem').innerText()).toBe('Keep the name to 40 characters (it has 41).');
    expect(await editor.getByText('No patterns of your own yet.', { exact: false }).count()).toBe(1);
    expect(app.problems).toEqual([]);
  });

  it('with reduced motion, keeps the circle still and lets the words and a bar carry the rhythm', async () => {
    app = await openPacer('/breathe?pattern=box&minutes=1&cue=none', (page) => page.emulateMedia({ reducedMotion: 'reduce' }));
    const { page } = app;
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await eventually(() => phaseWords(page)).toBe('Breathe in');
    const bar = view(page).locator('.bar .fill');
    const before = { r: await radius(page), bar: Number(await bar.getAttribute('width')) };
    // The bar moves with the breath while the circle stays as it is.
    await eventually(async () => Number(await bar.getAttribute('width'))).toBeGreaterThan(before.bar);
    expect(await radius(page)).toBe(before.r);
    expect(app.problems).toEqual([]);
  });

  it('redraws only when the count changes, and moves the circle smoothly through a breath between the redraws', async () => {
    app = await openPacer('/breathe?pattern=4-7-8&minutes=2&cue=none');
    const { page } = app;
    await page.evaluate(() => {
      const counted = window as Window & { lullPacerUpdates?: number; lullRadii?: Set<string> };
      counted.lullPacerUpdates = 0;
      counted.lullRadii = new Set();
      const proto = customElements.get('lull-breathe-view')?.prototype as { updated: (this: HTMLElement, changed: unknown) => void } | undefined;
      if (!proto) throw new Error('The pacer is not defined.');
      const { updated } = proto;
      proto.updated = function countedUpdated(this: HTMLElement, changed: unknown) {
        counted.lullPacerUpdates = (counted.lullPacerUpdates ?? 0) + 1;
        updated.call(this, changed);
      };
      // The sizes the circle is drawn at, frame by frame, to a tenth of a pixel.
      const look = () => {
        const circle = document.querySelector('lull-app')?.shadowRoot?.querySelector('lull-breathe-view')?.shadowRoot?.querySelector('.breath');
        if (circle) counted.lullRadii?.add(circle.getBoundingClientRect().width.toFixed(1));
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    const updates = () => page.evaluate(() => (window as Window & { lullPacerUpdates?: number }).lullPacerUpdates ?? 0);
    const radii = () => page.evaluate(() => (window as Window & { lullRadii?: Set<string> }).lullRadii?.size ?? 0);
    const elapsed = () => view(page).locator('.times span').first().innerText();
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    // Through the 4 s in-breath the circle grows in many small steps, while the pacer redraws about once a second.
    await eventually(() => phaseWords(page)).toBe('Breathe in');
    const inhaling = await updates();
    await eventually(() => phaseWords(page)).toBe('Hold');
    expect(await radii()).toBeGreaterThanOrEqual(30);
    expect((await updates()) - inhaling).toBeLessThanOrEqual(12);

    // Holding for 7 s, nothing moves but the seconds: two seconds of it take a handful of redraws, not a frame's worth each.
    const holdStart = await elapsed();
    await eventually(() => elapsed()).not.toBe(holdStart);
    const from = { updates: await updates(), shown: await elapsed() };
    await eventually(() => elapsed()).not.toBe(from.shown);
    const next = await elapsed();
    await eventually(() => elapsed()).not.toBe(next);
    expect(await phaseWords(page)).toBe('Hold');
    expect((await updates()) - from.updates).toBeLessThanOrEqual(8);
    expect(app.problems).toEqual([]);
  });

  it('keeps the screen awake while playing and visible, and lets it sleep on pause and when the pacer closes', async () => {
    app = await openPacer('/breathe?pattern=box&minutes=3', recordWakeLock);
    const { page } = app;
    const log = () => page.evaluate(() => window.lullWakeLog ?? []);
    expect(await log()).toEqual([]);
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await eventually(log).toEqual(['request screen']);
    await view(page).getByText('The screen stays on while the pacer plays.').waitFor();

    // The browser drops the lock while the page is hidden; it is asked for again when it is back.
    await page.evaluate(() => {
      const setVisibility = (state: DocumentVisibilityState) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      setVisibility('hidden');
      void (window.lullSentinels?.[0] as { release(): Promise<void> } | undefined)?.release();
      setVisibility('visible');
    });
    await eventually(log).toEqual(['request screen', 'release', 'request screen']);

    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await eventually(log).toEqual(['request screen', 'release', 'request screen', 'release']);
    await eventually(() => view(page).getByText('The screen stays on while the pacer plays.').count()).toBe(0);

    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await eventually(async () => (await log()).length).toBe(5);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'I need a break' }).click();
    await page.getByRole('heading', { name: 'Take a break' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/break');
    await eventually(log).toEqual(['request screen', 'release', 'request screen', 'release', 'request screen', 'release']);
    expect(app.problems).toEqual([]);
  });

  it('has no serious accessibility violations before and while playing, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await openPacer('/breathe?pattern=box&minutes=2', (page) => page.emulateMedia({ colorScheme }));
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      await app.page.getByRole('button', { name: 'Start', exact: true }).click();
      await app.page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
      expect(await seriousAxeViolations(app.page)).toEqual([]);
      expect(app.problems).toEqual([]);
      await app.close();
      app = undefined;
    }
  });
});
