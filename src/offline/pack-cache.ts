import type { PlannedFile } from './download-plan';
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

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function readCounting(body: ReadableStream<Uint8Array>, onBytes: (bytes: number) => void): Promise<Uint8Array<ArrayBuffer>> {
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

/**
 * Downloads one file whole (no `Range`, so never a 206), checks its length and SHA-256 against
 * the manifest, and only then stores it: a file is in the cache complete or not at all.
 */
export async function storeWholeFile(file: PlannedFile, options: { signal: AbortSignal; onBytes: (bytes: number) => void }): Promise<void> {
  const cache = await openCache(packAudioCacheName);
  const { pathname } = new URL(file.url);
  try {
    const response = await fetch(file.url, { signal: options.signal, credentials: 'same-origin' });
    if (response.status !== 200 || !response.body) throw new OfflineError('bad-status', pathname, response.status);
    const bytes = await readCounting(response.body, options.onBytes);
    if (bytes.byteLength !== file.bytes || (await sha256Hex(bytes)) !== file.sha256) {
      throw new OfflineError('damaged-file', pathname);
    }
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

/** Deletes stored audio files; a file that is not there is no error. */
export async function deleteAudio(urls: readonly string[]): Promise<void> {
  const cache = await openCache(packAudioCacheName);
  await Promise.all(urls.map((url) => cache.delete(url)));
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
