import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { outputSampleRate, sinkName, type PulseServer } from './pulse-server';
import { audioThreadPriority } from './audio-threads';
import { startOwned } from './processes';

export const recordedChannels = 2;
const bytesPerFrame = 2 * recordedChannels;

export interface Recording {
  /** Raw interleaved s16le stereo at 48 kHz. */
  readonly path: string;
  readonly frames: number;
  /**
   * Wall-clock time (Unix epoch, ms) of the recording's first frame at the sink, estimated as the
   * earliest arrival of any chunk minus the frames before it: an upper bound, late by the
   * smallest delay between the sink and this process (a few ms at a 10 ms fragment).
   */
  readonly firstFrameEpochMs: number;
}

export interface Recorder {
  stop(): Promise<Recording>;
}

export const epochNowMs = (): number => performance.timeOrigin + performance.now();

/** Records the null sink's monitor with `parec` into `path` until stopped. */
export function startRecorder(pulse: PulseServer, path: string): Recorder {
  // Real-time like the sound server's own threads, so the recorder never falls behind and drops frames.
  const parec = startOwned(
    'parec',
    'chrt',
    ['-r', String(audioThreadPriority), 'parec', '-d', `${sinkName}.monitor`, `--rate=${outputSampleRate}`, `--channels=${recordedChannels}`, '--format=s16le', '--raw', '--latency-msec=10'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PULSE_SERVER: pulse.address } },
  );
  const file = createWriteStream(path);
  let bytes = 0;
  let firstFrameEpochMs = Number.POSITIVE_INFINITY;
  let errors = '';
  parec.child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-2000);
  });
  parec.child.stdout?.on('data', (chunk: Buffer) => {
    const arrived = epochNowMs();
    bytes += chunk.length;
    firstFrameEpochMs = Math.min(firstFrameEpochMs, arrived - (bytes / bytesPerFrame / outputSampleRate) * 1000);
  });
  parec.child.stdout?.pipe(file);
  return {
    async stop() {
      await parec.stop();
      if (!file.writableFinished) await once(file, 'finish');
      if (bytes === 0) throw new Error(`parec recorded nothing. ${errors}`);
      return { path, frames: Math.floor(bytes / bytesPerFrame), firstFrameEpochMs };
    },
  };
}
