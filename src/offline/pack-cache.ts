import type { PlannedFile } from './download-plan';
import { isIntact } from './file-check';
import { isAbortError, isConnectionError, isQuotaError, OfflineError } from './offline-error';
import { packAudioCacheName, packManifestCacheName } from './offline-routes';

/** The page's side of the packs' Cache Storage: what is stored, storing whole files, deleting. */

function openCache(name: string): Promise<Cache> {
  if (typeof caches === 'undefined') return Promise.reject(new OfflineError('no-cache-storage'));
  return caches.open(name);
}

/** The URLs of the audio files stored for offline use. */
export async function storedAudioUrls(): Promise<Set<string>> {
  const cache = await openCache(packAudioCacheName);
  return new Set((await cache.keys()).map((request) => request.url));
}

/** Reads a body whole, telling `onBytes` how many bytes have come so far. */
export async function readCounting(body: ReadableStream<Uint8Array>, onBytes: (bytes: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onBytes(received);
  }
  const whole = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

const contentTypes: Readonly<Record<string, string>> = { webm: 'audio/webm', mp3: 'audio/mpeg' };

interface FetchOptions {
  readonly signal: AbortSignal;
  readonly onBytes: (bytes: number) => void;
}

/** One whole fetch of a file: its bytes if they are the ones the manifest names, else undefined. */
async function fetchIntact(file: PlannedFile, options: FetchOptions, mode: RequestCache): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const response = await fetch(file.url, { signal: options.signal, credentials: 'same-origin', cache: mode });
  if (response.status !== 200 || !response.body) throw new OfflineError('bad-status', new URL(file.url).pathname, response.status);
  const bytes = await readCounting(response.body, options.onBytes);
  return (await isIntact(bytes, file)) ? bytes : undefined;
}

/**
 * Downloads one file whole (no `Range`, so never a 206), checks its length and SHA-256 against
 * the manifest, and only then stores it: a file is in the cache complete or not at all. A file
 * that arrives damaged is fetched once more from the server itself (`cache: 'reload'`), since the
 * browser's HTTP cache may hold the very same bad bytes.
 */
export async function storeWholeFile(file: PlannedFile, options: FetchOptions): Promise<void> {
  const cache = await openCache(packAudioCacheName);
  const { pathname } = new URL(file.url);
  try {
    const bytes = (await fetchIntact(file, options, 'default')) ?? (await fetchIntact(file, options, 'reload'));
    if (!bytes) throw new OfflineError('damaged-file', pathname);
    const extension = pathname.slice(pathname.lastIndexOf('.') + 1);
    const headers = { 'Content-Type': contentTypes[extension] ?? 'application/octet-stream', 'Content-Length': String(bytes.byteLength) };
    await cache.put(file.url, new Response(bytes, { status: 200, headers }));
  } catch (error) {
    if (error instanceof OfflineError || isAbortError(error)) throw error;
    if (isQuotaError(error)) throw new OfflineError('no-space');
    if (isConnectionError(error)) throw new OfflineError('connection-lost');
    throw error;
  }
}

/** Deletes stored audio files; a file that is not there is no error. Resolves the URLs that were there. */
export async function deleteAudio(urls: readonly string[]): Promise<string[]> {
  const cache = await openCache(packAudioCacheName);
  const deleted = await Promise.all(urls.map((url) => cache.delete(url)));
  return urls.filter((_, index) => deleted[index]);
}

/**
 * A pack's JSON, network first: a good answer is kept for offline use; without a network the kept
 * copy answers. The service worker does the same once it controls the page; this covers the
 * first visit, before it does.
 */
export async function fetchPackJson(url: URL): Promise<unknown> {
  const cache = await openCache(packManifestCacheName);
  let response: Response | undefined;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    if (!isConnectionError(error)) throw error;
  }
  if (!response) {
    const kept = await cache.match(url);
    if (!kept) throw new OfflineError('connection-lost');
    return kept.json();
  }
  if (response.status !== 200) throw new OfflineError('bad-status', url.pathname, response.status);
  try {
    await cache.put(url, response.clone());
  } catch (error) {
    throw isQuotaError(error) ? new OfflineError('no-space') : error;
  }
  return response.json();
}
