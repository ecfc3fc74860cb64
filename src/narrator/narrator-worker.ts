import type { Respelling } from '../engine/pack-manifest';
import { pcmSeconds } from '../speech/pcm';
import { SpeechError } from '../speech/speech-error';
import { encodeWav } from '../speech/wav';
import { runFliteInMemory } from './flite-in-memory';
import type { NarratorReply, NarratorRequest } from './narrator-messages';
import { narratorLine } from './narrator-line';

// All of the synthesis runs here, off the page's thread: a line takes Flite a second or more.
const scope = globalThis as unknown as {
  postMessage(message: NarratorReply, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<NarratorRequest>) => void): void;
};

let flite: Promise<WebAssembly.Module> | undefined;
/** Lines are read one after another: each waits for the one before, whatever their awaits. */
let queue: Promise<void> = Promise.resolve();

async function speak(id: number, text: string, respellings: readonly Respelling[]): Promise<void> {
  try {
    if (!flite) throw new SpeechError('speech-failed', 'no engine was loaded');
    const module = await flite;
    const pcm = await narratorLine((args) => runFliteInMemory(module, args), text, respellings);
    // encodeWav writes into a fresh ArrayBuffer of exactly the file's length, so the whole of it moves.
    const wav = encodeWav(pcm).buffer as ArrayBuffer;
    scope.postMessage({ kind: 'spoken', id, wav, seconds: pcmSeconds(pcm) }, [wav]);
  } catch (error) {
    scope.postMessage({ kind: 'failed', id, code: error instanceof SpeechError ? error.code : 'speech-failed' }, []);
  }
}

scope.addEventListener('message', ({ data }) => {
  if (data.kind === 'load') {
    flite = WebAssembly.compile(data.wasm);
    return;
  }
  queue = queue.then(() => speak(data.id, data.text, data.respellings));
});
