import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBenchBrowser, type BenchPage } from '../timing/bench-browser';
import { pageProbeSource, type ProbeFigures } from '../timing/page-probe';
import { delay } from '../timing/processes';
import { outputSampleRate } from '../timing/pulse-server';
import { readRecording } from '../timing/recorded-audio';
import { startRecorder } from '../timing/recorder';
import type { Rig } from '../timing/rig';
import { barePagesPath } from './bare-pages';

/** A sample louder than this (−50 dBFS) is sound; the player's inaudible keep-awake offset (1e-6) is not. */
const soundLevel = 0.003;
/** How long a tap's sound is let play before the next page (its silence then separates the taps). */
const listenMs = 2500;

export type TapPage = 'bare oscillator' | 'pacer';

export interface TapTrial {
  readonly page: TapPage;
  /** Click (`event.timeStamp`) → the first sample above −50 dBFS at the sink. */
  readonly tapToSoundMs: number | null;
  /** Click → the first `AudioBufferSourceNode.start` with a time (the app only). */
  readonly clickToScheduleMs: number | null;
  /** How far ahead of the audio clock that first sound was asked for: the app's start delay. */
  readonly startDelayMs: number | null;
}

export interface TapToSoundFigures {
  readonly trials: readonly TapTrial[];
  /** Median tap → sound per page, and the app's addition to the bare page's. */
  readonly bareMedianMs: number | null;
  readonly pacerMedianMs: number | null;
  readonly addedMs: number | null;
  readonly bufferFrames: number;
}

const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const buttonCentre = (button: string): string => `(() => {
  const button = ${button};
  if (!button || button.disabled || button.textContent.trim() !== 'Start') return null;
  button.scrollIntoView({ block: 'center' });
  const box = button.getBoundingClientRect();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
})()`;

const pages: Readonly<Record<TapPage, { readonly path: string; readonly button: string }>> = {
  'bare oscillator': { path: `${barePagesPath}/tone.html`, button: "document.getElementById('start')" },
  pacer: { path: '/breathe', button: "document.querySelector('lull-app')?.shadowRoot?.querySelector('lull-breathe-view')?.shadowRoot?.querySelector('button.play')" },
};

/**
 * Tap → first sound at the real output, the bare oscillator page and the pacer taking turns in
 * one recording of one rig: each trial is a fresh Chromium (a fresh AudioContext) opening the
 * page, a real mouse click on Start, and 2.5 s of listening.
 */
export async function measureTapToSound(rig: Rig, origin: string, options: { readonly trials: number; readonly bufferFrames: number }): Promise<TapToSoundFigures> {
  if (options.trials === 0) return { trials: [], bareMedianMs: null, pacerMedianMs: null, addedMs: null, bufferFrames: options.bufferFrames };
  const recorder = startRecorder(rig.pulse, join(rig.dir, 'tap-to-sound.s16'));
  const taps: { page: TapPage; clickEpochMs: number | null; probe: ProbeFigures }[] = [];
  try {
    for (let trial = 0; trial < options.trials; trial += 1) {
      for (const page of ['bare oscillator', 'pacer'] as const) taps.push({ page, ...(await tapOnce(rig, origin, page, options.bufferFrames)) });
    }
  } catch (error) {
    await recorder.stop().catch(() => undefined);
    throw error;
  }
  const recording = await recorder.stop();
  const audio = readRecording(recording.path);
  rmSync(recording.path, { force: true });
  const trials = taps.map(({ page, clickEpochMs, probe }): TapTrial => {
    const first = probe.starts[0];
    return {
      page,
      tapToSoundMs: clickEpochMs === null ? null : firstSoundAfter(audio.left, audio.right, recording.firstFrameEpochMs, clickEpochMs),
      clickToScheduleMs: first && probe.click ? first.performanceNow - probe.click.timeStamp : null,
      startDelayMs: first ? (first.when - first.currentTime) * 1000 : null,
    };
  });
  const of = (page: TapPage): number[] => trials.filter((trial) => trial.page === page && trial.tapToSoundMs !== null).map((trial) => trial.tapToSoundMs ?? 0);
  const bareMedianMs = median(of('bare oscillator'));
  const pacerMedianMs = median(of('pacer'));
  return { trials, bareMedianMs, pacerMedianMs, addedMs: bareMedianMs !== null && pacerMedianMs !== null ? pacerMedianMs - bareMedianMs : null, bufferFrames: options.bufferFrames };
}

async function tapOnce(rig: Rig, origin: string, which: TapPage, bufferFrames: number): Promise<{ clickEpochMs: number | null; probe: ProbeFigures }> {
  const profile = mkdtempSync(join(rig.dir, 'profile-'));
  const browser = await launchBenchBrowser('chromium', { display: rig.display.display, pulse: rig.pulse, profileDir: profile, bufferFrames });
  try {
    const page = await browser.open(new URL(pages[which].path, origin).href, pageProbeSource);
    await clickStart(page, pages[which].button);
    await delay(listenMs);
    const probe = await page.evaluate<ProbeFigures>('({ starts: window.__lullBench.starts, click: window.__lullBench.click })');
    return { clickEpochMs: probe.click ? probe.click.timeOrigin + probe.click.timeStamp : null, probe };
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function clickStart(page: BenchPage, button: string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    const centre = await page.evaluate<{ x: number; y: number } | null>(buttonCentre(button)).catch(() => null);
    if (centre) {
      // Let the page settle after loading (fonts, the service worker's first activation).
      await delay(1000);
      await page.clickAt(centre.x, centre.y);
      return;
    }
    await delay(100);
  }
  throw new Error('The Start button did not show within 30 s.');
}

/** Wall time (Unix ms) of the first loud sample after `afterEpochMs`, less `afterEpochMs`. */
function firstSoundAfter(left: Float32Array, right: Float32Array, firstFrameEpochMs: number, afterEpochMs: number): number | null {
  const from = Math.max(0, Math.floor(((afterEpochMs - firstFrameEpochMs) / 1000) * outputSampleRate));
  const until = Math.min(left.length, from + Math.round((listenMs / 1000) * outputSampleRate));
  for (let frame = from; frame < until; frame += 1) {
    if (Math.abs(left[frame] ?? 0) > soundLevel || Math.abs(right[frame] ?? 0) > soundLevel) return firstFrameEpochMs + (frame / outputSampleRate) * 1000 - afterEpochMs;
  }
  return null;
}
