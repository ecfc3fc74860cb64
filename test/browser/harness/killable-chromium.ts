import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumFlags, chromiumPath } from './chromium';

/** A Chromium this test started itself on a persistent profile, so it can be killed like a crash. */
export interface KillableChromium {
  readonly browser: Browser;
  readonly process: ChildProcess;
  /** SIGKILL to the browser process (then its helpers), as a crash or a power cut would end it. */
  kill(): Promise<void>;
}

export async function launchKillableChromium(userDataDir: string): Promise<KillableChromium> {
  const portFile = join(userDataDir, 'DevToolsActivePort');
  // A killed browser leaves its port file behind: wait for this launch's own.
  rmSync(portFile, { force: true });
  const child = spawn(
    chromiumPath(),
    [
      ...chromiumFlags,
      '--headless',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      '--hide-crash-restore-bubble',
      'about:blank',
    ],
    { detached: true, stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  let port: string | undefined;
  while (!port) {
    if (Date.now() - started > 15_000) throw new Error('Chromium did not open its DevTools port within 15 s.');
    if (existsSync(portFile)) port = readFileSync(portFile, 'utf8').split('\n')[0]?.trim() || undefined;
    if (!port) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium started without a process id.');
  return {
    browser,
    process: child,
    async kill() {
      process.kill(pid, 'SIGKILL');
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // The helpers were already gone.
      }
      await exited;
    },
  };
}
