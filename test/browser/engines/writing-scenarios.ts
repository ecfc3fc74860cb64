import { describe, expect, it } from 'vitest';
import { databaseInPage } from '../harness/data-pages';
import { eventually } from '../harness/eventually';
import type { EngineSuite } from './engine-suite';
import { untilEnabled } from './page-steps';

const saveState = { css: '#save-state', within: 'lull-writing-editor' } as const;

/** What a person writes is kept as they type, in this engine's IndexedDB, and is there after a reload. */
export function writingScenarios(suite: EngineSuite): void {
  describe(`${suite.name}: writing`, () => {
    it('saves a journal entry as it is typed, says "Saved" once stored, and shows it after a reload', async () => {
      const { page } = await suite.open('/journal');
      await untilEnabled(page, 'New entry');
      await page.click({ role: 'button', name: 'New entry' });
      await page.type({ label: 'Your entry' }, 'A quiet evening\nwith a second line, café');
      await eventually(() => page.text(saveState)).toBe('Saved');
      await page.reload();
      await eventually(() => page.count({ role: 'heading', name: 'A quiet evening', within: 'lull-journal-view' })).toBe(1);
      const stored = await page.evaluate(databaseInPage);
      expect((stored?.journal as { text: string }[] | undefined)?.map((entry) => entry.text)).toEqual(['A quiet evening\nwith a second line, café']);
      expect(await page.problems()).toEqual([]);
    });

    it('saves a letter with its title as it is typed, and shows it after a reload', async () => {
      const { page } = await suite.open('/letters');
      await untilEnabled(page, 'Write a letter');
      await page.click({ role: 'button', name: 'Write a letter' });
      await page.type({ label: 'Title' }, 'For the child on the swing');
      await page.type({ label: 'Your letter' }, 'You can rest now.');
      await eventually(() => page.text(saveState)).toBe('Saved');
      await page.reload();
      await eventually(() => page.count({ role: 'heading', name: 'For the child on the swing', within: 'lull-letters-view' })).toBe(1);
      const stored = await page.evaluate(databaseInPage);
      expect((stored?.letters as { title: string; text: string }[] | undefined)?.map(({ title, text }) => ({ title, text }))).toEqual([
        { title: 'For the child on the swing', text: 'You can rest now.' },
      ]);
      expect(await page.problems()).toEqual([]);
    });
  });
}
