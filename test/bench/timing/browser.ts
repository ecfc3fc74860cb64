import { chromiumFlags, chromiumPath } from '../../browser/harness/chromium';
import { sinkName, type PulseServer } from './pulse-server';
import { startOwned, type OwnedProcess } from './processes';

export interface LaunchedBrowser {
  readonly process: OwnedProcess;
  /** The browser-wide DevTools WebSocket URL. */
  readonly devtoolsUrl: string;
}

/**
 * Headful Chromium on a virtual display, its sound going to the private PulseAudio null sink.
 * Not Playwright: Playwright keeps every page "visible" and adds anti-throttling flags, and
 * the hidden-tab condition needs the browser exactly as a person runs it.
 *
 * `bufferFrames` sets the output device's buffer (0: Chromium's own choice, 512 frames here). On
 * this shared VM even a real-time thread wakes up to ~15 ms late, so with 512 frames (10.7 ms) the
 * device itself glitched every second or two for any page, a page of plain clicks included
 * (the audio clock lost 4.6 % of wall time); with 2048 frames it did not, but with three rigs at
 * once a 3-minute butterfly hug still lost 17–19 ms once or twice (busy and hidden); with 4096
 * frames none of seven 10-minute runs did. A bigger buffer only adds constant latency: it changes
 * nothing about when sounds are scheduled on the audio clock.
 */
export async function launchBrowser(display: string, pulse: PulseServer, profileDir: string, bufferFrames: number): Promise<LaunchedBrowser> {
  const browser = startOwned(
    'chromium',
    chromiumPath(),
    [
      ...chromiumFlags,
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      '--window-size=1024,768',
      // Reach the one-wake-up-a-minute throttling of hidden, silent pages in seconds, not minutes.
      '--enable-features=IntensiveWakeUpThrottling:grace_period_seconds/10',
      ...(bufferFrames > 0 ? [`--audio-buffer-size=${bufferFrames}`] : []),
      'about:blank',
    ],
    { group: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DISPLAY: display, PULSE_SERVER: pulse.address, PULSE_SINK: sinkName } },
  );
  const devtoolsUrl = await new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      reject(new Error(`Chromium did not open DevTools within 30 s:\n${log.slice(-2000)}`));
    }, 30_000);
    browser.child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-8000);
      const url = /DevTools listening on (ws:\/\/\S+)/u.exec(log)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve(url);
    });
    void browser.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium ended before DevTools opened (${code}):\n${log.slice(-2000)}`));
    });
  });
  return { process: browser, devtoolsUrl };
}
