import { afterEach, describe, expect, it } from 'vitest';
import { shippedPlan } from '../helpers/shipped-plan';
import { seriousAxeViolations } from './harness/axe';
import { eventually } from './harness/eventually';
import { openApp, type OpenedApp } from './harness/page';
import { seekTo } from './harness/seek';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const writingPrompts = (id: string, minutes: number, writing: 'journal' | 'letter') =>
  shippedPlan(id, minutes).events.flatMap((event) => (event.kind === 'prompt' && event.writing === writing ? [event] : []));
const prompts = writingPrompts('five-questions', 10, 'journal');

/** Moves the position slider to just after `at`, as a person does. */
const seekAfter = (app: OpenedApp, at: number) => seekTo(app.page, Math.ceil(at + 1));

describe('reflection inside a session', () => {
  it('offers a place to write after a question, saves it to the journal as the person types, and keeps it', async () => {
    const [first, second] = prompts;
    if (!first || !second) throw new Error('five-questions has no journal prompts');
    app = await openApp('/session/five-questions?minutes=10');
    await app.page.getByRole('checkbox', { name: /I understand/u }).check();
    await app.page.getByRole('button', { name: 'Start' }).click();
    await app.page.getByRole('button', { name: 'Pause' }).waitFor();
    await seekAfter(app, first.at);
    const answer = app.page.getByLabel(first.text);
    await answer.waitFor();
    await answer.fill('Climbing the old apple tree 🌳 — and my grandmother’s kitchen.');
    await expect.poll(() => app?.page.locator('lull-writing-editor').getByRole('status').innerText(), { timeout: 10_000 }).toBe('Saved');
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    // The next question opens its own answer; the first is kept in the journal.
    await seekAfter(app, second.at);
    await app.page.getByLabel(second.text).waitFor();
    expect(await app.page.getByLabel(second.text).inputValue()).toBe('');
    // Going back to the first question shows what was written there, and goes on from it.
    await seekAfter(app, first.at);
    await expect.poll(() => app?.page.getByLabel(first.text).inputValue()).toBe('Climbing the old apple tree 🌳 — and my grandmother’s kitchen.');
    // While the session plays the header is one quiet bar: back to the sessions, then to the journal.
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await expect.poll(() => app?.page.getByRole('list', { name: 'Journal entries' }).innerText(), { timeout: 10_000 }).toContain('Climbing the old apple tree 🌳');
    expect(app.problems).toEqual([]);
  });

  it('gathers the answers of the letter session into one letter, kept under Letters', async () => {
    const [first, second] = writingPrompts('letter', 10, 'letter');
    if (!first || !second) throw new Error('the letter session has no letter prompts');
    app = await openApp('/session/letter?minutes=11');
    const { page } = app;
    await page.getByRole('checkbox', { name: /I understand/u }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await seekAfter(app, first.at);
    await page.getByLabel(first.text).fill('Dear little one,\nI know the nights were long.');
    await page.getByLabel('Title').fill('To me, at seven');
    await expect.poll(() => page.locator('lull-writing-editor').getByRole('status').innerText(), { timeout: 10_000 }).toBe('Saved');
    // The next prompt labels the same letter: what was written stays, and more is added to it.
    await seekAfter(app, second.at);
    const letter = page.getByLabel(second.text);
    await expect.poll(() => letter.inputValue()).toBe('Dear little one,\nI know the nights were long.');
    await letter.press('Control+End');
    await letter.pressSequentially('\nYou were so brave.');
    await expect.poll(() => page.locator('lull-writing-editor').getByRole('status').innerText(), { timeout: 10_000 }).toBe('Saved');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click();
    const letters = page.getByRole('list', { name: 'Letters' });
    await expect.poll(() => letters.getByRole('listitem').count(), { timeout: 10_000 }).toBe(1);
    expect(await letters.getByRole('heading').innerText()).toBe('To me, at seven');
    await letters.getByRole('button', { name: /^Read or change/u }).click();
    expect(await page.getByLabel('Your letter', { exact: true }).inputValue()).toBe('Dear little one,\nI know the nights were long.\nYou were so brave.');
    expect(app.problems).toEqual([]);
  });

  it('waits at the end of a timed question while the person writes, says so, keeps every word, and goes on when they are done', async () => {
    const words = 'I remember the blue bicycle, and how the wind felt on the hill behind our house.';
    const { page, answer, end } = await typePastTheEndOfATimedQuestion(words, 90);
    // The session waits at the end of the window, says so gently, and the same box is still there.
    expect(await page.getByText('Take your time with your words.').count()).toBe(1);
    expect(Number(await page.locator('#position').inputValue())).toBeLessThanOrEqual(Math.ceil(end));
    expect(await answer.inputValue()).toBe(words);
    await eventually(() => page.locator('lull-writing-editor').getByRole('status').innerText()).toBe('Saved');
    // Continue goes on from there.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await eventually(() => page.getByRole('list', { name: 'Journal entries' }).innerText()).toContain(words);
    expect(app?.problems).toEqual([]);
  });

  it('goes on by itself once the person has left the box and stopped typing for a while', async () => {
    const { page, end } = await typePastTheEndOfATimedQuestion('A short thought that runs past the end.', 120);
    // Leaving the box (focus moves to the Continue button) and typing nothing more: the session goes on.
    await page.getByRole('button', { name: 'Continue' }).focus();
    await eventually(() => page.getByRole('button', { name: 'Pause' }).count(), 15_000).toBe(1);
    await eventually(async () => Number(await page.locator('#position').inputValue())).toBeGreaterThan(end + 1);
    expect(app?.problems).toEqual([]);
  });

  it('says at the end where the answers are kept, with a way there', async () => {
    const plan = shippedPlan('five-questions', 10);
    app = await openApp('/session/five-questions?minutes=10');
    const { page } = app;
    await page.getByRole('checkbox', { name: /I understand/u }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await seekAfter(app, Math.floor(plan.duration) - 4);
    await page.getByRole('button', { name: 'Play again' }).waitFor({ timeout: 15_000 });
    const after = page.getByRole('region', { name: 'Well done.' });
    await expect.poll(() => after.getByText('What you wrote is kept on this device, in your journal.').count()).toBe(1);
    expect(await after.getByRole('link', { name: 'journal' }).getAttribute('href')).toBe('/journal');
    expect(app.problems).toEqual([]);
  });
});

/**
 * Opens five questions, starts it, and four seconds before a timed question's window closes
 * starts writing in its box, typing on past the end until the session says it waits.
 */
async function typePastTheEndOfATimedQuestion(words: string, delayMs: number) {
  const timed = shippedPlan('five-questions', 10).events.find((event) => event.kind === 'prompt' && event.writing === 'journal' && !event.waits);
  if (timed?.kind !== 'prompt') throw new Error('five-questions has no timed journal prompt');
  const end = timed.at + timed.duration;
  app = await openApp('/session/five-questions?minutes=10');
  const { page } = app;
  await page.getByRole('checkbox', { name: /I understand/u }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Pause' }).waitFor();
  await seekAfter(app, end - 4);
  const answer = page.getByLabel(timed.text);
  await answer.click();
  await answer.pressSequentially(words, { delay: delayMs });
  await eventually(() => page.getByRole('button', { name: 'Continue' }).count()).toBe(1);
  return { page, answer, end };
}
