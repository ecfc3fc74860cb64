import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LibraryIndex } from '../../../src/engine/pack-manifest';
import { shippedPlan } from '../../helpers/shipped-plan';
import { eventually } from '../harness/eventually';
import type { EngineSuite } from './engine-suite';
import { seekTo, untilClockAdvances, untilEnabled } from './page-steps';

const library = JSON.parse(readFileSync('public/packs/index.json', 'utf8')) as LibraryIndex;

/** Every practice plays in this engine: its sounds run on the audio clock, its captions follow the voice, it ends. */
export function practiceScenarios(suite: EngineSuite): void {
  describe(`${suite.name}: every practice`, () => {
    it.each(library.sessions.map((entry) => [entry.title, entry.id, entry.length.min] as const))(
      '%s plays: the audio clock runs, the captions follow the narration, and it comes to its end',
      async (_title, id, minutes) => {
        const plan = shippedPlan(id, minutes);
        const lines = plan.events.flatMap((event) => (event.kind === 'voice' ? [event] : []));
        const { page } = await suite.open(`/session/${id}?minutes=${String(minutes)}`);
        await page.text({ role: 'button', name: 'Start' });
        if ((await page.count({ role: 'checkbox', name: /^I understand/u })) > 0) await page.click({ role: 'checkbox', name: /^I understand/u });
        await untilEnabled(page, 'Start');
        await page.click({ role: 'button', name: 'Start' });
        await page.text({ role: 'button', name: /^(Pause|Continue)$/u });
        await untilClockAdvances(page, 0.5);
        for (const line of lines.slice(0, 2)) {
          await seekTo(page, line.at + 0.2);
          await eventually(() => page.text({ css: '.caption' })).toBe(line.text);
        }
        await seekTo(page, plan.duration - 1);
        // The closing moment: its line, the after-mood right there, and a way to play again.
        await page.text({ role: 'heading', name: 'Well done.' });
        await page.text({ role: 'group', name: 'How do you feel now?' });
        await page.text({ role: 'button', name: 'Play again' });
        expect(await page.problems()).toEqual([]);
      },
    );

    it('the breathing pacer plays: its phases change with the audio clock', async () => {
      const { page } = await suite.open('/breathe?pattern=box&minutes=1&cue=tone');
      await untilEnabled(page, 'Start');
      await page.click({ role: 'button', name: 'Start' });
      await page.text({ role: 'button', name: 'Pause' });
      const words = { css: '.phase .words', within: 'lull-breathe-view' } as const;
      await eventually(() => page.text(words), 15_000).toBe('Breathe in');
      await untilClockAdvances(page, 0.5);
      await eventually(() => page.text(words), 15_000).toBe('Hold');
      expect(await page.problems()).toEqual([]);
    });
  });
}
