import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SessionManifest } from '../../../src/engine/pack-manifest';
import type { DeviceNarratorLoader } from '../../../src/services/device-narrator-context';
import { openAppAt } from '../../browser/harness/app-at';
import { startStaticServer } from '../../browser/harness/static-server';
import { buildApp } from '../timing/app-build';

export interface DeviceNarratorFigures {
  readonly session: string;
  /** The engine's file as built and kept on the device. */
  readonly engineBytes: number;
  /** The same, gzipped at zlib's default level, as a server that compresses would send it. */
  readonly engineGzipBytes: number;
  /** `prepare()` from the local server: download, check (SHA-256) and keep in Cache Storage. */
  readonly prepareMs: number;
  /** The first line after `prepare()`: reading the engine from the cache, starting the worker, compiling the WebAssembly, reading the line. */
  readonly firstLineMs: number;
  /** That line read again, with the worker started: the first line's cost less this is the engine's start. */
  readonly warmLineMs: number;
  readonly lines: number;
  readonly renderMedianMs: number;
  readonly renderMaxMs: number;
  /** Seconds of speech made per second of rendering, over the session's lines (its median and its slowest line). */
  readonly speedMedian: number;
  readonly speedSlowest: number;
  /** The most any line's length differs from the same line in the shipped rms narration (0: read exactly alike). */
  readonly shippedDifferenceMs: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (value: number, places = 0): number => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Builds the app, serves it as a static host would (its real headers), and in a fresh headless
 * Chromium prepares the voice on the device and reads every line of one shipped session with it,
 * one at a time, as the person's own session would be read.
 */
export async function benchDeviceNarrator(session = 'safe-space'): Promise<DeviceNarratorFigures> {
  const outDir = mkdtempSync(join(tmpdir(), 'lull-narrator-bench-'));
  try {
    buildApp(outDir);
    const engine = readdirSync(join(outDir, 'assets')).find((file) => file.endsWith('.wasm'));
    if (!engine) throw new Error('The build has no WebAssembly engine in assets/.');
    const engineFile = readFileSync(join(outDir, 'assets', engine));
    const manifest = JSON.parse(readFileSync(join(outDir, 'packs', session, 'manifest.json'), 'utf8')) as SessionManifest;
    const shipped = Object.values(manifest.narrators?.rms?.lines ?? {});
    if (shipped.length === 0) throw new Error(`${session} has no lines in the rms voice to compare with.`);
    const texts = shipped.map((line) => line.text);
    const server = await startStaticServer(outDir);
    const app = await openAppAt(server.origin);
    try {
      const timed = await app.page.evaluate(async (texts) => {
        const shell = document.querySelector('lull-app') as (Element & { deviceNarrator: DeviceNarratorLoader }) | null;
        if (!shell) throw new Error('no lull-app');
        const narrator = await shell.deviceNarrator();
        // No function is declared in here: tsx gives each one a name through `__name`, which the page does not have.
        let start = performance.now();
        await narrator.prepare();
        const prepareMs = performance.now() - start;
        start = performance.now();
        await narrator.speak('Rest here.');
        const firstLineMs = performance.now() - start;
        start = performance.now();
        await narrator.speak('Rest here.');
        const warmLineMs = performance.now() - start;
        const lines: { ms: number; seconds: number }[] = [];
        for (const text of texts) {
          start = performance.now();
          const spoken = await narrator.speak(text);
          lines.push({ ms: performance.now() - start, seconds: spoken.seconds });
        }
        return { prepareMs, firstLineMs, warmLineMs, lines };
      }, texts);
      const speeds = timed.lines.map((line) => line.seconds / (line.ms / 1000));
      return {
        session,
        engineBytes: engineFile.byteLength,
        engineGzipBytes: gzipSync(engineFile).byteLength,
        prepareMs: round(timed.prepareMs),
        firstLineMs: round(timed.firstLineMs),
        warmLineMs: round(timed.warmLineMs),
        lines: timed.lines.length,
        renderMedianMs: round(median(timed.lines.map((line) => line.ms))),
        renderMaxMs: round(Math.max(...timed.lines.map((line) => line.ms))),
        speedMedian: round(median(speeds), 1),
        speedSlowest: round(Math.min(...speeds), 1),
        shippedDifferenceMs: round(Math.max(...timed.lines.map((line, index) => Math.abs(line.seconds - (shipped[index]?.duration ?? 0)))) * 1000, 1),
      };
    } finally {
      await app.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export function printDeviceNarratorFigures(figures: DeviceNarratorFigures): void {
  const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`The voice on the device (Flite rms in WebAssembly, headless Chromium, ${figures.session}):`);
  console.log(`  first-use download: ${String(figures.engineBytes)} B (${megabytes(figures.engineBytes)}) as kept, ${String(figures.engineGzipBytes)} B (${megabytes(figures.engineGzipBytes)}) gzipped`);
  console.log(`  prepare (download from the local server, check, keep): ${String(figures.prepareMs)} ms`);
  console.log(`  first line (engine from the cache, worker, compile, read): ${String(figures.firstLineMs)} ms; the same line again: ${String(figures.warmLineMs)} ms`);
  console.log(`  ${String(figures.lines)} lines: render median ${String(figures.renderMedianMs)} ms, max ${String(figures.renderMaxMs)} ms; ${String(figures.speedMedian)} s of speech per s of render (median), ${String(figures.speedSlowest)} at the slowest line`);
  console.log(`  each line's length against the shipped rms narration: at most ${String(figures.shippedDifferenceMs)} ms apart`);
}
