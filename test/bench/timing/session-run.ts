import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promoteAudioThreads } from './audio-threads';
import { launchBenchBrowser, type BenchBrowser, type BenchEngine, type BenchPage } from './bench-browser';
import type { Condition } from './conditions';
import { clockSample, pageProbeSource, playerStatus, probeFigures, startButtonCentre, type ClockSample, type PlayerStatus, type ProbeFigures } from './page-probe';
import { delay } from './processes';
import { epochNowMs, startRecorder, type Recording } from './recorder';
import type { Rig } from './rig';

export interface SessionRunRequest {
  readonly engine: BenchEngine;
  readonly sessionId: string;
  readonly minutes: number;
  readonly condition: Condition;
  /** The app's origin, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** The plan's length: the run waits this long for the end, plus a margin. */
  readonly plannedSeconds: number;
  /** The output device's buffer in frames; 0 leaves it to Chromium (see `launchBrowser`). */
  readonly bufferFrames: number;
  /** Asks every AudioContext of the page for this latency; `undefined` leaves the page's own choice. */
  readonly latencyHint: 'interactive' | 'playback' | undefined;
}

export interface SessionCapture {
  readonly recording: Recording;
  readonly probe: ProbeFigures;
  /** The clocks read 2 s after the click, and again at the end: how much time the output lost. */
  readonly clock: ClockSample | null;
  readonly closingClock: ClockSample | null;
  /** Chromium's PulseAudio client threads given real-time priority (see `promoteAudioThreads`). */
  readonly promotedAudioThreads: number;
  readonly finalState: string;
  readonly problems: readonly string[];
  /** Every visibility reading of the session's tab while it played (hidden runs: all `hidden`). */
  readonly visibility: readonly DocumentVisibilityState[];
  readonly heapUsedBytes: number | null;
  readonly heapUsedAfterGcBytes: number | null;
  /** Wall-clock (Unix epoch, ms) of the click, from the page's own clock. */
  readonly clickEpochMs: number | null;
}

const statusEveryMs = 20_000;
/** After the end: the last bell rings out (it is 6 s long and struck 4 s before the end). */
const ringOutMs = 4000;

/**
 * Plays one session in a fresh browser on `rig` while recording the sink: opens the session,
 * presses Start with a real mouse click (the engine's own input), hides the tab if the condition
 * says so, waits for the end and reads the page's figures.
 */
export async function runSession(rig: Rig, request: SessionRunRequest): Promise<SessionCapture> {
  const profile = mkdtempSync(join(rig.dir, 'profile-'));
  const recorder = startRecorder(rig.pulse, join(rig.dir, `${request.engine}-${request.sessionId}-${request.condition.name}.s16`));
  let recording: Recording | undefined;
  let browser: BenchBrowser | undefined;
  try {
    browser = await launchBenchBrowser(request.engine, { display: rig.display.display, pulse: rig.pulse, profileDir: profile, bufferFrames: request.bufferFrames });
    const page = await browser.open(`${request.origin}/session/${request.sessionId}?minutes=${request.minutes}`, pageProbeSource + latencyHintScript(request.latencyHint) + request.condition.pageScript);
    const groupId = browser.processGroup;
    const promoted = new Set<number>();
    const promote = (): void => {
      promoteAudioThreads(groupId, promoted);
    };
    await pressStart(page, promote);
    const startedAt = epochNowMs();
    const visibility: DocumentVisibilityState[] = [];
    if (request.condition.hideTab) visibility.push(await hideBehindNewTab(page));
    await delay(2000);
    promote();
    const clock = await page.evaluate<ClockSample | null>(clockSample);
    const status = await waitForEnd(page, startedAt + request.plannedSeconds * 1000, visibility, promote);
    await delay(ringOutMs);
    const closingClock = await page.evaluate<ClockSample | null>(clockSample);
    const probe = await page.evaluate<ProbeFigures>(probeFigures);
    const heap = await page.heapUsage();
    await browser.close();
    browser = undefined;
    recording = await recorder.stop();
    return {
      recording,
      probe,
      clock,
      closingClock,
      promotedAudioThreads: promoted.size,
      finalState: status.state,
      problems: status.problems,
      visibility,
      heapUsedBytes: heap?.used ?? null,
      heapUsedAfterGcBytes: heap?.afterGc ?? null,
      clickEpochMs: probe.click ? probe.click.timeOrigin + probe.click.timeStamp : null,
    };
  } finally {
    await browser?.close();
    if (!recording) await recorder.stop().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

async function pressStart(page: BenchPage, beforePress: () => void): Promise<void> {
  const deadline = epochNowMs() + 60_000;
  for (;;) {
    const centre = await page.evaluate<{ x: number; y: number } | null>(startButtonCentre).catch(() => null);
    if (centre) {
      beforePress();
      await page.clickAt(centre.x, centre.y);
      break;
    }
    if (epochNowMs() > deadline) throw new Error(`The session did not show an enabled Start button within 60 s: ${JSON.stringify(await page.evaluate<PlayerStatus>(playerStatus).catch(() => null))}`);
    await delay(250);
  }
  for (let waited = 0; waited < 5000; waited += 100) {
    if ((await page.evaluate<PlayerStatus>(playerStatus)).state === 'playing') return;
    await delay(100);
  }
  throw new Error('Pressing Start did not start the session within 5 s.');
}

/** Opens a second tab in front; the session's tab must then report itself hidden. */
async function hideBehindNewTab(page: BenchPage): Promise<DocumentVisibilityState> {
  await page.openTabInFront();
  for (let waited = 0; waited < 5000; waited += 100) {
    const { visibility } = await page.evaluate<PlayerStatus>(playerStatus);
    if (visibility === 'hidden') return visibility;
    await delay(100);
  }
  throw new Error('The session tab is still visible after a second tab opened in front of it.');
}

/**
 * Reads the player's state now and then until it ends (or 90 s past the planned end). A DevTools
 * evaluation is not a page timer, so it does not wake a throttled hidden page's timers.
 */
async function waitForEnd(page: BenchPage, plannedEndEpochMs: number, visibility: DocumentVisibilityState[], eachTime: () => void): Promise<PlayerStatus> {
  const deadline = plannedEndEpochMs + 90_000;
  for (;;) {
    eachTime();
    const status = await page.evaluate<PlayerStatus>(playerStatus);
    if (visibility.length > 0) visibility.push(status.visibility);
    if (status.state === 'ended' || status.state === 'paused' || status.state === 'ready') return status;
    const now = epochNowMs();
    if (now > deadline) return status;
    const untilEnd = plannedEndEpochMs + 500 - now;
    await delay(untilEnd > 0 ? Math.min(statusEveryMs, untilEnd) : 1000);
  }
}

/** Makes every `new AudioContext()` of the page ask for `hint`, whatever the page passes. */
function latencyHintScript(hint: SessionRunRequest['latencyHint']): string {
  if (hint === undefined) return '';
  return `
  (() => {
    const Native = window.AudioContext;
    window.AudioContext = class extends Native {
      constructor(options = {}) {
        super({ ...options, latencyHint: ${JSON.stringify(hint)} });
      }
    };
  })();
`;
}
