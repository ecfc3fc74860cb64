import type { PlannedFile } from './download-plan';
import { isIntact } from './file-check';
import { isAbortError, isConnectionError, isQuotaError, OfflineError } from './offline-error';
import { readCounting } from './pack-cache';

/**
 * The on-device narrator's engine, kept in a cache of its own: never in the service worker's
 * precache (it is 21 MB, fetched only when a person first needs the voice), never answered from by
 * the service worker, read only by the page.
 */
export const voiceCacheName = 'lull-voice-v1';

function openVoiceCache(): Promise<Cache> {
  if (typeof caches === 'undefined') return Promise.reject(new OfflineError('no-cache-storage'));
  return caches.open(voiceCacheName);
}

/**
 * The kept engine's bytes, if this device has it whole. A damaged copy is taken off the device,
 * so that it no longer counts as kept and the next download replaces it.
 */
export async function keptVoice(file: PlannedFile): Promise<ArrayBuffer | undefined> {
  const cache = await openVoiceCache();
  const response = await cache.match(file.url);
  if (!response) return undefined;
  const bytes = await response.arrayBuffer();
  if (await isIntact(bytes, file)) return bytes;
  await cache.delete(file.url);
  return undefined;
}

/** Whether the engine is on this device (by its name alone: checking 21 MB is left to `keptVoice`). */
export async function isVoiceKept(file: PlannedFile): Promise<boolean> {
  return (await (await openVoiceCache()).match(file.url)) !== undefined;
}

/**
 * Downloads the engine whole, checks its length and SHA-256, and only then keeps it, in place of
 * any other version's: it is in the cache complete or not at all. Fails with an `OfflineError`.
 */
export async function keepVoice(file: PlannedFile, options: { readonly signal?: AbortSignal; readonly onBytes: (bytes: number) => void }): Promise<ArrayBuffer> {
  const cache = await openVoiceCache();
  const { pathname } = new URL(file.url);
  try {
    const response = await fetch(file.url, { credentials: 'same-origin', ...(options.signal ? { signal: options.signal } : {}) });
    if (response.status !== 200 || !response.body) throw new OfflineError('bad-status', pathname, response.status);
    const bytes = await readCounting(response.body, options.onBytes);
    if (!(await isIntact(bytes, file))) throw new OfflineError('damaged-file', pathname);
    await cache.put(file.url, new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/wasm', 'Content-Length': String(bytes.byteLength) } }));
    const others = (await cache.keys()).filter((request) => request.url !== file.url);
    await Promise.all(others.map((request) => cache.delete(request)));
    return bytes.buffer;
  } catch (error) {
    if (error instanceof OfflineError || isAbortError(error)) throw error;
    if (isQuotaError(error)) throw new OfflineError('no-space');
    if (isConnectionError(error)) throw new OfflineError('connection-lost');
    throw error;
  }
}
