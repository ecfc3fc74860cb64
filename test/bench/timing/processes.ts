import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface OwnedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  readonly exited: Promise<number | string>;
  /** Asks it to end (SIGTERM), then forces it (SIGKILL) if it has not ended within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Every process the bench started and has not yet seen end: stopped on failure or Ctrl-C. */
const owned = new Set<OwnedProcess>();

/**
 * Starts a process the bench owns. `group: true` puts it in a process group of its own (Chromium
 * starts helpers); stopping it then signals that group, by its id, and nothing else.
 */
export function startOwned(name: string, command: string, args: readonly string[], options: SpawnOptions & { group?: boolean } = {}): OwnedProcess {
  const { group = false, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: group });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      resolve(error.message);
    });
  });
  const signal = (name: NodeJS.Signals): void => {
    const pid = child.pid;
    if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(group ? -pid : pid, name);
    } catch {
      // Already gone.
    }
  };
  const handle: OwnedProcess = {
    name,
    child,
    exited,
    async stop(graceMs = 5000) {
      signal('SIGTERM');
      const ended = await Promise.race([exited.then(() => true), delay(graceMs).then(() => false)]);
      if (!ended) {
        signal('SIGKILL');
        await Promise.race([exited, delay(2000)]);
      }
      owned.delete(handle);
    },
  };
  owned.add(handle);
  void exited.then(() => owned.delete(handle));
  return handle;
}

/** Stops every process the bench still owns, newest first (a browser before its sound server). */
export async function stopAllOwned(): Promise<void> {
  for (const handle of [...owned].reverse()) await handle.stop(2000);
}

export const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
