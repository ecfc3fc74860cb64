/** Every way keeping sessions offline can fail, each with the sentence a person reads. */
const messages = {
  'no-space': () => 'There is not enough free space on this device to keep this offline. Nothing of it was kept. Free some space and try again.',
  'connection-lost': () => 'The connection was lost. Finished files are kept; the download goes on when you are back online.',
  'bad-status': (path: string, status: number) => `${path} could not be downloaded (the server answered ${String(status)}).`,
  'damaged-file': (path: string) => `${path} arrived damaged. Try again.`,
  'unreadable-pack': (path: string) => `The session at ${path} cannot be read by this version of Lull. Reload the page to update.`,
  'no-cache-storage': () => 'This browser does not let Lull keep files on this device (in a private window, for example).',
} as const;

export type OfflineErrorCode = keyof typeof messages;
type MessageArgs<C extends OfflineErrorCode> = Parameters<(typeof messages)[C]>;

export class OfflineError<C extends OfflineErrorCode = OfflineErrorCode> extends Error {
  override name = 'OfflineError';
  readonly code: C;

  constructor(code: C, ...args: MessageArgs<C>) {
    const describe = messages[code] as (...values: MessageArgs<C>) => string;
    super(describe(...args));
    this.code = code;
  }
}

/** Whether an error means the network went away (fetch and body reads fail with a TypeError). */
export function isConnectionError(error: unknown): boolean {
  return error instanceof TypeError;
}

/** Whether an error is the storage quota running out (`cache.put` rejects with it). */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
