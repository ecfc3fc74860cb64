import type { Readable } from 'node:stream';
import { startOwned, type OwnedProcess } from './processes';

export interface VirtualDisplay {
  /** For `DISPLAY`, e.g. `:3`. */
  readonly display: string;
  readonly process: OwnedProcess;
}

/** Starts Xvfb on the first free display; Xvfb itself picks it and writes its number to fd 3. */
export async function startXvfb(): Promise<VirtualDisplay> {
  const xvfb = startOwned('Xvfb', 'Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const numberPipe = xvfb.child.stdio[3] as Readable | null;
  if (!numberPipe) throw new Error('Xvfb started without its display pipe.');
  xvfb.child.stderr?.resume();
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      reject(new Error('Xvfb did not report a display within 10 s.'));
    }, 10_000);
    numberPipe.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const number = /^(\d+)\n/u.exec(text)?.[1];
      if (number === undefined) return;
      clearTimeout(timer);
      resolve(`:${number}`);
    });
    void xvfb.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb ended before it was ready (${code}).`));
    });
  });
  return { display, process: xvfb };
}
