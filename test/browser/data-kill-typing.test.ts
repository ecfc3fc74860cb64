import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { autosaveDelayMs } from '../../src/ui/writing/autosave-controller';
import { journalTexts } from './harness/data-pages';
import { launchKillableChromium, type KillableChromium } from './harness/killable-chromium';
import { seededRandom } from './harness/seeded-random';

/**
 * Browsers typing side by side, each on its own profile. Two, on a 2-core machine: more would
 * starve each other's typing into pauses, and such rounds do not count.
 */
const lanes = 2;
const kills = 50;
/**
 * A round whose typing did pause (a machine too busy to type on time) is not counted: the
 * browsers go on until 50 kills came after typing without a pause, or this long has passed.
 */
const budgetMs = 300_000;
/** What may be lost to a crash: what was typed in the last 2 s before it. */
const allowedLossMs = 2000;
/** Typing "without a pause": no gap between two keystrokes reaches the pause the autosave waits for. */
const pauseMs = autosaveDelayMs;

const profiles = Array.from({ length: lanes }, () => mkdtempSync(join(tmpdir(), 'lull-kill-typing-')));
const running = new Set<KillableChromium>();
afterAll(async () => {
  await Promise.all([...running].map((browser) => browser.kill()));
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
});

const words = ['quiet', 'שָׁלוֹם', 'morning', 'صغيري', 'breath', '🙂', 'warm', 'light', 'little one', 'safe'];

interface Keystroke {
  /** When the page had handled it. */
  readonly at: number;
  /** How much of the text was typed then. */
  readonly length: number;
}

/** What one kill cost, judged from what was on disk after it. */
interface KillResult {
  /** Characters typed more than 2 s before the kill that were not on disk. */
  readonly lost: number;
  /** How long before the kill the first character missing from disk was typed (0 when nothing was missing). */
  readonly oldestMissingMs: number;
  /** The longest wait between two keystrokes: below `pauseMs`, the typing never paused. */
  readonly longestGapMs: number;
  /** How long the typing had gone on when the browser was killed. */
  readonly typingMs: number;
}

async function startNewEntry(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New entry' }).click();
  await expect.poll(() => page.getByLabel('Your entry').evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement)).toBe(true);
}

/** Types `text` one character (code point: an emoji is one) at a time, never pausing as long as `pauseMs`, until the browser is gone. */
async function typeWithoutPause(page: Page, text: string, next: () => number, keystrokes: Keystroke[]): Promise<void> {
  let length = 0;
  for (const character of text) {
    try {
      await page.keyboard.type(character);
    } catch {
      return;
    }
    length += character.length;
    keystrokes.push({ at: Date.now(), length });
    await new Promise((resolve) => setTimeout(resolve, 10 + next() * 40));
  }
}

function judge(typed: string, keystrokes: readonly Keystroke[], killedAt: number, stored: string): KillResult {
  const due = keystrokes.filter((key) => key.at <= killedAt - allowedLossMs).at(-1)?.length ?? 0;
  // What is stored must be what was typed, from its start; anything else counts as all lost.
  const kept = typed.startsWith(stored) ? stored.length : 0;
  const firstMissing = keystrokes.find((key) => key.length > kept);
  const gaps = keystrokes.slice(1).map((key, index) => key.at - (keystrokes[index]?.at ?? key.at));
  return {
    lost: Math.max(0, due - kept),
    oldestMissingMs: firstMissing ? killedAt - firstMissing.at : 0,
    longestGapMs: Math.max(0, ...gaps),
    typingMs: killedAt - (keystrokes[0]?.at ?? killedAt),
  };
}

/** What the browsers share: every kill so far, and when they must stop. */
interface Run {
  readonly results: KillResult[];
  readonly until: number;
}

const withoutPause = (results: readonly KillResult[]) => results.filter((result) => result.longestGapMs < pauseMs);
const finished = (run: Run) => run.results.some((result) => result.lost > 0) || withoutPause(run.results).length >= kills || Date.now() > run.until;

/**
 * One browser profile: type, kill at a random moment 2.1 to 3.1 s into the typing, reopen and
 * look; until the run is finished (one loss is enough to fail it).
 */
async function runLane(lane: number, seed: number, url: string, run: Run): Promise<void> {
  const next = seededRandom(seed + lane);
  let previous: { typed: string; keystrokes: Keystroke[]; killedAt: number } | undefined;
  /** The entries there were before this round's typing: the new one is the entry it typed. */
  let before = new Set<string>();
  for (let cycle = 0; ; cycle += 1) {
    const browser = await launchKillableChromium(profiles[lane] ?? '');
    running.add(browser);
    const [context] = browser.browser.contexts();
    if (!context) throw new Error('no browser context');
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const entries = await journalTexts(page);
    if (previous) {
      const { typed, keystrokes, killedAt } = previous;
      const added = [...entries].filter(([id]) => !before.has(id)).map(([, text]) => text);
      expect(added.length, 'one typing round makes at most one entry').toBeLessThanOrEqual(1);
      run.results.push(judge(typed, keystrokes, killedAt, added[0] ?? ''));
    }
    before = new Set(entries.keys());
    if (finished(run)) {
      await browser.kill();
      running.delete(browser);
      break;
    }
    await startNewEntry(page);
    const typed = `lane ${String(lane)} kill ${String(cycle)}: ${Array.from({ length: 60 }, () => words[Math.floor(next() * words.length)] ?? '').join(' ')}`;
    const keystrokes: Keystroke[] = [];
    const typing = typeWithoutPause(page, typed, next, keystrokes);
    await expect.poll(() => keystrokes.length, { timeout: 10_000, interval: 20 }).toBeGreaterThan(0);
    const typingFor = 2100 + next() * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (keystrokes[0]?.at ?? Date.now()) + typingFor - Date.now())));
    const killedAt = Date.now();
    await browser.kill();
    running.delete(browser);
    await typing;
    previous = { typed, keystrokes, killedAt };
  }
}

describe('killing the browser while the person types without a pause', () => {
  it('loses nothing typed more than 2 s before each of 50+ kills', async () => {
    const seed = Number(process.env.LULL_KILL_SEED ?? Date.now() % 100_000);
    const url = new URL('/journal', inject('baseUrl')).href;
    const run: Run = { results: [], until: Date.now() + budgetMs };
    await Promise.all(Array.from({ length: lanes }, (_, lane) => runLane(lane, seed, url, run)));
    const all = run.results;
    const results = withoutPause(all);
    const lost = all.reduce((total, result) => total + result.lost, 0);
    const longestGap = Math.max(...results.map((result) => result.longestGapMs));
    const oldestMissing = Math.max(...all.map((result) => result.oldestMissingMs));
    const shortestTyping = Math.min(...results.map((result) => result.typingMs));
    console.info(
      `kill-while-typing test (seed ${String(seed)}): ${String(results.length)} kills after typing without a pause (longest gap ${String(longestGap)} ms), ` +
        `each after ${String(shortestTyping)} ms or more of typing, and ${String(all.length - results.length)} more after a pause; ` +
        `characters lost beyond the last 2 s: ${String(lost)}; the oldest character missing after a kill was typed ${String(oldestMissing)} ms before it`,
    );
    expect(lost, `characters typed more than 2 s before a kill and lost (seed ${String(seed)})`).toBe(0);
    expect(results.length, 'kills after typing that never paused for 500 ms').toBeGreaterThanOrEqual(kills);
  }, budgetMs + 60_000);
});
