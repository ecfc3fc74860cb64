import type { Directory } from '@bjorn3/browser_wasi_shim';
import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';
import { SpeechError } from '../speech/speech-error';

const outDirectory = '/out';
const outputFile = 'speech.wav';

/**
 * Runs Flite once with `args` in a fresh instance, as the compiler's runner does, with an
 * in-memory file system: the WAV it writes to `/out` is read back from there. Its console output
 * is kept only to explain a failure.
 */
export async function runFliteInMemory(flite: WebAssembly.Module, args: readonly string[]): Promise<Uint8Array> {
  const out = new PreopenDirectory(outDirectory, new Map());
  const log: string[] = [];
  const console = ConsoleStdout.lineBuffered((line) => log.push(line));
  const wasi = new WASI(['flite', ...args, '-o', `${outDirectory}/${outputFile}`], [], [new OpenFile(new File([])), console, console, out], { debug: false });
  let exitCode: number;
  try {
    const instance = await WebAssembly.instantiate(flite, { wasi_snapshot_preview1: wasi.wasiImport });
    // A WASI command exports its memory and `_start`; the shim's types ask for them by name.
    exitCode = wasi.start(instance as unknown as { exports: { memory: WebAssembly.Memory; _start: () => unknown } });
  } catch (error) {
    throw new SpeechError('speech-failed', String(error));
  }
  const wav = writtenFile(out.dir);
  if (exitCode !== 0 || wav === undefined) throw new SpeechError('speech-failed', `flite exited with ${String(exitCode)}${log.length > 0 ? `: ${log.join(' ')}` : ''}`);
  return wav;
}

function writtenFile(directory: Directory): Uint8Array | undefined {
  const file = directory.contents.get(outputFile);
  return file instanceof File ? file.data.slice() : undefined;
}
