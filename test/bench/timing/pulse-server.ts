import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audioThreadPriority } from './audio-threads';
import { delay, startOwned, type OwnedProcess } from './processes';

export const outputSampleRate = 48_000;
/** The null sink Chromium plays into; its `.monitor` source is what the bench records. */
export const sinkName = 'rec';

export interface PulseServer {
  /** For `PULSE_SERVER`. */
  readonly address: string;
  readonly process: OwnedProcess;
}

/**
 * Starts a private PulseAudio daemon whose only output is a 48 kHz null sink. Everything it
 * keeps lives in `dir`. The daemon's default rate is set to 48 kHz as well, because Chromium
 * opens its AudioContext at the server's default rate, not the sink's (44.1 kHz otherwise).
 */
export async function startPulse(dir: string): Promise<PulseServer> {
  const runtime = join(dir, 'runtime');
  mkdirSync(runtime, { recursive: true });
  const config = join(dir, 'daemon.conf');
  writeFileSync(config, `default-sample-rate = ${outputSampleRate}\nalternate-sample-rate = ${outputSampleRate}\n`);
  const socket = join(runtime, 'native');
  // Real-time, its main thread too: it carries every client's audio to the sink's own (already real-time) thread.
  const pulse = startOwned(
    'pulseaudio',
    'chrt',
    [
      '-r',
      String(audioThreadPriority),
      'pulseaudio',
      '-n',
      '--daemonize=no',
      '--system=false',
      '--exit-idle-time=-1',
      '--disallow-exit',
      '--use-pid-file=false',
      '--log-target=stderr',
      `--load=module-null-sink sink_name=${sinkName} rate=${outputSampleRate}`,
      `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
    ],
    // Running as root is allowed for a per-user daemon; its state must not land in root's home.
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HOME: dir, PULSE_RUNTIME_PATH: runtime, PULSE_STATE_PATH: join(dir, 'state'), PULSE_CONFIG: config } },
  );
  let log = '';
  pulse.child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (existsSync(socket)) return { address: `unix:${socket}`, process: pulse };
    if (pulse.child.exitCode !== null) break;
    await delay(100);
  }
  await pulse.stop();
  throw new Error(`PulseAudio did not start:\n${log}`);
}
