import { afterEach, describe, expect, it } from 'vitest';
import { shippedPlan } from '../helpers/shipped-plan';
import { seriousAxeViolations } from './harness/axe';
import { openApp, type OpenedApp } from './harness/page';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const plan = shippedPlan('five-questions', 10);
const prompts = plan.events.flatMap((event) => (event.kind === 'prompt' && event.journal ? [event] : []));

describe('reflection inside a session', () => {
  it('offers a place to write after a question, saves it to the journal as the person types, and keeps it', async () => {
    const [first, second] = prompts;
    if (!first || !second) throw new Error('five-questions has no journal prompts');
    app = await openApp('/session/five-questions?minutes=10');
    await app.page.getByRole('checkbox', { name: /I understand/u }).check();
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    await app.page.locator('#position').evaluate((input: HTMLInputElement, at: number) => {
      input.value = String(at);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, Math.ceil(first.at + 1));
    const answer = app.page.getByLabel(first.text);
    await answer.waitFor();
    await answer.fill('Climbing the old apple tree 🌳 — and my grandmother’s kitchen.');
    await expect.poll(() => app?.page.locator('lull-journal-editor').getByRole('status').innerText(), { timeout: 10_000 }).toBe('Saved');
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    // The next question opens its own answer; the first is kept in the journal.
    await app.page.locator('#position').evaluate((input: HTMLInputElement, at: number) => {
      input.value = String(at);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, Math.ceil(second.at + 1));
    await app.page.getByLabel(second.text).waitFor();
    expect(await app.page.getByLabel(second.text).inputValue()).toBe('');
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await expect.poll(() => app?.page.getByRole('list', { name: 'Journal entries' }).innerText(), { timeout: 10_000 }).toContain('Climbing the old apple tree 🌳');
    expect(app.problems).toEqual([]);
  });
});
