/** Every way saving or loading the person's data can fail, each with the sentence a person reads. */
const messages = {
  'quota-exceeded': () => 'This device has no storage space left for Lull, so this was not saved.',
  'connection-lost': () => 'Lull lost its connection to this device’s storage and could not save, even after trying again. Reload the page to continue.',
  'newer-database': () =>
    'Your data was saved by a newer version of Lull. Please update Lull (close every Lull tab, then open it again) to use it. Nothing has been deleted.',
  'closed-for-upgrade': () =>
    'Lull was updated in another tab, so this tab has stopped saving. Reload this tab to continue; everything already saved is safe.',
  'unavailable': (detail: string) => `This browser is not letting Lull store anything (private browsing can do this): ${detail}`,
  'migration-failed': (detail: string) => `Your data could not be moved to this version of Lull: ${detail}. Nothing was deleted.`,
  'too-long': (limit: number) => `An entry can hold at most ${limit.toLocaleString('en')} characters.`,
  'not-confirmed': () => 'The save could not be confirmed: reading it back gave something different. Nothing was lost from this page.',
  'write-failed': (detail: string) => `This could not be saved: ${detail}`,
} as const;

export type StorageErrorCode = keyof typeof messages;

/** A failure with a code tests can assert and a message a person can read. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export function storageError<C extends StorageErrorCode>(code: C, ...args: Parameters<(typeof messages)[C]>): StorageError {
  const describe = messages[code] as (...values: Parameters<(typeof messages)[C]>) => string;
  return new StorageError(code, describe(...args));
}

/** The DOMException name, if `error` is one (or looks like one, as fake IndexedDB's errors do). */
export function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('name' in error)) return '';
  return typeof error.name === 'string' ? error.name : '';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Safari drops IndexedDB connections of background pages; the next call throws
 * InvalidStateError ("The database connection is closing"). Such a call is worth one retry.
 */
export function isConnectionLost(error: unknown): boolean {
  return errorName(error) === 'InvalidStateError' || /connection is closing/iu.test(errorText(error));
}

/** Turns whatever IndexedDB threw into a StorageError a person can read. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  switch (errorName(error)) {
    case 'QuotaExceededError':
      return storageError('quota-exceeded');
    case 'VersionError':
      return storageError('newer-database');
    case 'SecurityError':
    case 'NotAllowedError':
      return storageError('unavailable', errorText(error));
    default:
      return isConnectionLost(error) ? storageError('connection-lost') : storageError('write-failed', errorText(error));
  }
}
