import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promoteAudioThreads } from './audio-threads';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { attachFirstPage, CdpConnection, type CdpPage } from './cdp';
import type { Condition } from './conditions';
import { clockSample, pageProbeSource, playerStatus, probeFigures, startButtonCentre, type ClockSample, type PlayerStatus, type ProbeFigures } from './page-probe';
import { delay } from './processes';
import { epochNowMs, startRecorder, type Recording } from './recorder';
import type { Rig } from './rig';

export interface SessionRunRequest {
  readonly sessionId: string;
  readonly minutes: number;
  readonly condition: Condition;
  /** The app's origin, e.g. `http://127.0.0.1:41234`. */
  readonly origin: string;
  /** The plan's length: the run waits this long for the end, plus a margin. */
  readonly plannedSeconds: number;
  /** The output device's buffer in frames; 0 leaves it to Chromium (see `launchBrowser`). */
  readonly bufferFrames: number;
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
  readonly heapUsedBytes: number;
  readonly heapUsedAfterGcBytes: number;
  /** Wall-clock (Unix epoch, ms) of the click, from the page's own clock. */
  readonly clickEpochMs: number | null;
}

const statusEveryMs = 20_000;
/** After the end: the last bell rings out (it is 6 s long and struck 4 s before the end). */
const ringOutMs = 4000;

/**
 * Plays one session in a fresh browser on `rig` while recording the sink: opens the session,
 * presses Start with a real (DevTools-dispatched) mouse click, hides the tab if the condition
 * says so, waits for the end and reads the page's figures.
 */
export async function runSession(rig: Rig, request: SessionRunRequest): Promise<SessionCapture> {
  const profile = mkdtempSync(join(rig.dir, 'profile-'));
  const recorder = startRecorder(rig.pulse, join(rig.dir, `${request.sessionId}-${request.condition.name}.s16`));
  let recording: Recording | undefined;
  let browser: LaunchedBrowser | undefined;
  let connection: CdpConnection | undefined;
  try {
    browser = await launchBrowser(rig.display.display, rig.pulse, profile, request.bufferFrames);
    connection = await CdpConnection.connect(browser.devtoolsUrl);
    const page = await attachFirstPage(connection);
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: pageProbeSource + request.condition.pageScript });
    await page.send('Page.navigate', { url: `${request.origin}/session/${request.sessionId}?minutes=${request.minutes}` });
    const groupId = browser.process.child.pid ?? -1;
    const promoted = new Set<number>();
    const promote = (): void => {
      promoteAudioThreads(groupId, promoted);
    };
    await pressStart(page, promote);
    const startedAt = epochNowMs();
    const visibility: DocumentVisibilityState[] = [];
    if (request.condition.hideTab) visibility.push(await hideBehindNewTab(connection, page));
    await delay(2000);
    promote();
    const clock = await page.evaluate<ClockSample | null>(clockSample);
    const status = await waitForEnd(page, startedAt + request.plannedSeconds * 1000, visibility, promote);
    await delay(ringOutMs);
    const closingClock = await page.evaluate<ClockSample | null>(clockSample);
    const probe = await page.evaluate<ProbeFigures>(probeFigures);
    const heap = await page.send<{ usedSize: number }>('Runtime.getHeapUsage');
    await page.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await page.send<{ usedSize: number }>('Runtime.getHeapUsage');
    await connection.send('Browser.close').catch(() => undefined);
    await Promise.race([browser.process.exited, delay(5000)]);
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
      heapUsedBytes: heap.usedSize,
      heapUsedAfterGcBytes: heapAfterGc.usedSize,
      clickEpochMs: probe.click ? probe.click.timeOrigin + probe.click.timeStamp : null,
    };
  } finally {
    connection?.close();
    await browser?.process.stop();
    if (!recording) await recorder.stop().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

async function pressStart(page: CdpPage, beforePress: () => void): Promise<void> {
  const deadline = epochNowMs() + 60_000;
  for (;;) {
    const centre = await page.evaluate<{ x: number; y: number } | null>(startButtonCentre).catch(() => null);
    if (centre) {
      beforePress();
      await page.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: centre.x, y: centre.y, button: 'left', clickCount: 1 });
      await page.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: centre.x, y: centre.y, button: 'left', clickCount: 1 });
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
async function hideBehindNewTab(connection: CdpConnection, page: CdpPage): Promise<DocumentVisibilityState> {
  await connection.send('Target.createTarget', { url: 'about:blank' });
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
async function waitForEnd(page: CdpPage, plannedEndEpochMs: number, visibility: DocumentVisibilityState[], eachTime: () => void): Promise<PlayerStatus> {
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
