import { packFormat, type LibraryIndex } from '../engine/pack-manifest';

/** Why the library could not load: the screen says it in plain words (the message is for developers). */
export type LibraryProblem = 'offline' | 'unavailable';

export class LibraryError extends Error {
  override name = 'LibraryError';

  constructor(
    readonly code: LibraryProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches the list of built-in sessions and checks it is a library this build understands. */
export async function loadLibrary(url: URL, fetchImpl: typeof fetch = fetch): Promise<LibraryIndex> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch {
    throw new LibraryError('offline', 'The session library could not be reached. Check your connection and try again.');
  }
  if (!response.ok) throw new LibraryError('unavailable', `The session library is missing (${response.status} for ${url.pathname}).`);
  const index: unknown = await response.json().catch(() => undefined);
  if (!isLibraryIndex(index)) throw new LibraryError('unavailable', `The session library at ${url.pathname} is not in a format this version of Lull reads.`);
  return index;
}

function isLibraryIndex(value: unknown): value is LibraryIndex {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<LibraryIndex>;
  return (
    candidate.format === packFormat &&
    typeof candidate.common === 'string' &&
    Array.isArray(candidate.sessions) &&
    candidate.sessions.every(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as { id?: unknown }).id === 'string' &&
        typeof (entry as { title?: unknown }).title === 'string' &&
        typeof (entry as { manifest?: unknown }).manifest === 'string',
    )
  );
}

/** Where the built-in library lives, relative to the app. */
export const libraryUrl = (): URL => new URL('/packs/index.json', document.baseURI);
