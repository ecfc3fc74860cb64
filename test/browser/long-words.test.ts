import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** One unbroken word, longer than any phone is wide, as a person (or an imported file) can supply. */
const word = 'Grandmotherskitchenwindowsillwithgeraniums'.repeat(2).slice(0, 60);

/** Puts the person's own values straight into the database, as an import or an earlier visit would leave them. */
async function storeLongValues(opened: OpenedApp): Promise<void> {
  await opened.page.evaluate(async (text) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('lull');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
    // The app makes its database as it opens; until it has, there are no stores to write to. Opening
    // it first would make an empty database the app's migrations do not expect: wait until it is there.
    while (!(await indexedDB.databases()).some((known) => known.name === 'lull')) await new Promise((resolve) => requestAnimationFrame(resolve));
    let db = await open();
    while (!db.objectStoreNames.contains('supportContacts')) {
      db.close();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      db = await open();
    }
    const now = Date.now();
    const records: Record<string, unknown[]> = {
      supportContacts: [{ id: 'c1', name: text, phone: '+44 20 7946 0000', note: text, createdAt: now }],
      breathPatterns: [{ id: 'p1', name: text.slice(0, 40), inhale: 4, hold: 0, exhale: 6, rest: 0, createdAt: now }],
      checkIns: [{ id: 'k1', at: now, moodBefore: 2, moodAfter: 4, feeling: text, need: text }],
      journal: [{ id: 'j1', createdAt: now, updatedAt: now, text: `${text} ${text}`, prompt: text }],
      letters: [{ id: 'l1', createdAt: now, updatedAt: now, title: text, text }],
    };
    const tx = db.transaction(Object.keys(records), 'readwrite');
    for (const [store, values] of Object.entries(records)) for (const value of values) tx.objectStore(store).put(value);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
    db.close();
  }, word);
}

const screens = [
  ['/break', 'Take a break'],
  ['/breathe', 'Breathe'],
  ['/check-ins', 'Check-ins'],
  ['/journal', 'Journal'],
  ['/letters', 'Letters to your younger self'],
] as const;

describe('long words from the person or an import', () => {
  for (const width of [320, 360]) {
    it(`wrap inside a ${String(width)} px screen on every screen that shows them`, async () => {
      app = await openApp('/your-data', { width, height: 740 });
      const { page } = app;
      await page.getByRole('heading', { name: 'Your data', level: 1 }).waitFor();
      await storeLongValues(app);
      const problems: string[] = [];
      for (const [path, heading] of screens) {
        await page.goto(new URL(path, page.url()).href);
        await page.getByRole('heading', { name: heading, level: 1, exact: true }).waitFor();
        // The long word is on screen (so the check is about it), and the screen is no wider than the phone.
        await expect.poll(() => page.getByText(word.slice(0, 30), { exact: false }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${path}: ${String(overflow)} px wider than the screen`);
      }
      expect(problems).toEqual([]);
      expect(app.problems).toEqual([]);
    });
  }
});
