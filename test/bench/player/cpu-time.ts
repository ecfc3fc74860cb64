import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBenchBrowser, type BenchPage } from '../timing/bench-browser';
import { delay } from '../timing/processes';
import type { Rig } from '../timing/rig';
import { barePagesPath } from './bare-pages';

/** Linux counts process CPU time in these ticks (`getconf CLK_TCK`). */
const ticksPerSecond = 100;
/** After Start, before the measured stretch: loading, decoding, the first frames. */
const settleMs = 15_000;

export type CpuSubject = 'player' | 'plain <audio>';
export type Placement = 'front' | 'behind';

export interface CpuFigure {
  readonly subject: CpuSubject;
  readonly placement: Placement;
  readonly minutes: number;
  /** CPU seconds per minute over the whole browser (every process of its group), user + system. */
  readonly cpuSecondsPerMinute: number;
  /** The same as a share of one core. */
  readonly percentOfCore: number;
  readonly visibility: string;
}

/** User + system CPU time (s) of every live process in a process group. */
export function groupCpuSeconds(group: number): number {
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, pgrp 5, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

const sessionView = "document.querySelector('lull-app')?.shadowRoot?.querySelector('lull-session-view')";

/**
 * CPU time of one Chromium (headful on the rig's display) playing for `minutes`: the player in a
 * session of `sessionId`, or a bare page's `<audio>` element looping the same session's narration
 * file; in front, or behind a second tab.
 */
export async function measureCpu(
  rig: Rig,
  origin: string,
  request: { readonly subject: CpuSubject; readonly placement: Placement; readonly minutes: number; readonly sessionId: string; readonly narrationPath: string; readonly bufferFrames: number },
): Promise<CpuFigure> {
  const profile = mkdtempSync(join(rig.dir, 'profile-'));
  const browser = await launchBenchBrowser('chromium', { display: rig.display.display, pulse: rig.pulse, profileDir: profile, bufferFrames: request.bufferFrames });
  try {
    const url =
      request.subject === 'player'
        ? `${origin}/session/${request.sessionId}?minutes=${String(Math.ceil(request.minutes + 1))}`
        : `${origin}${barePagesPath}/narration.html?src=${encodeURIComponent(`/packs/${request.sessionId}/${request.narrationPath}`)}`;
    const page = await browser.open(url, '');
    if (request.subject === 'player') await agreeToContentNote(page);
    // The bare page's button is in the document before its module script listens to it: it counts once the page says it is ready.
    const button = request.subject === 'player' ? `${sessionView}?.shadowRoot?.querySelector('button.start')` : "document.body.dataset.ready === 'yes' ? document.getElementById('start') : null";
    await clickWhenReady(page, button);
    const playing =
      request.subject === 'player' ? `${sessionView}?._playback?.status?.player?.state === 'playing'` : "document.body.dataset.started === 'yes' && !document.getElementById('narration').paused";
    await until(page, playing, 45_000);
    if (request.placement === 'behind') await page.openTabInFront();
    await delay(settleMs);
    const before = groupCpuSeconds(browser.processGroup);
    await delay(request.minutes * 60_000);
    const after = groupCpuSeconds(browser.processGroup);
    const stillPlaying = await page.evaluate<boolean>(playing);
    if (!stillPlaying) throw new Error(`The ${request.subject} stopped playing before the measured ${String(request.minutes)} min were over.`);
    const visibility = await page.evaluate<string>('document.visibilityState');
    const perMinute = (after - before) / request.minutes;
    return { subject: request.subject, placement: request.placement, minutes: request.minutes, cpuSecondsPerMinute: perMinute, percentOfCore: (perMinute / 60) * 100, visibility };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A session with a content note starts once the person ticks that they understand. */
async function agreeToContentNote(page: BenchPage): Promise<void> {
  const box = `${sessionView}?.shadowRoot?.querySelector('.content-note input[type=checkbox]')`;
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    const state = await page.evaluate<'none' | 'ticked' | 'unticked' | 'loading'>(
      `(() => { const view = ${sessionView}; if (!view?.shadowRoot?.querySelector('button.start')) return 'loading'; const box = ${box}; return box ? (box.checked ? 'ticked' : 'unticked') : 'none'; })()`,
    );
    if (state === 'none' || state === 'ticked') return;
    if (state === 'unticked') await clickWhenReady(page, box);
    await delay(200);
  }
  throw new Error('The content note could not be agreed to within 30 s.');
}

async function clickWhenReady(page: BenchPage, button: string): Promise<void> {
  const centre = `(() => {
    const button = ${button};
    if (!button || button.disabled) return null;
    button.scrollIntoView({ block: 'center' });
    const box = button.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  })()`;
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    const point = await page.evaluate<{ x: number; y: number } | null>(centre).catch(() => null);
    if (point) {
      await page.clickAt(point.x, point.y);
      return;
    }
    await delay(200);
  }
  throw new Error('The Start button did not show within 30 s.');
}

async function until(page: BenchPage, condition: string, timeoutMs: number): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    if (await page.evaluate<boolean>(condition).catch(() => false)) return;
    await delay(200);
  }
  throw new Error(`Not playing within ${String(timeoutMs / 1000)} s of the click.`);
}
