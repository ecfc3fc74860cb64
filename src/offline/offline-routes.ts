/**
 * Names and URL rules that the service worker and the page must agree on. Pure: it runs in both.
 */

/** Audio files of the session packs, stored only by an explicit download of whole files. */
export const packAudioCacheName = 'lull-packs-v1';

/** The packs' JSON (library index, shared sounds, session manifests): network first, this cache as fallback. */
export const packManifestCacheName = 'lull-pack-manifests-v1';

/** A pack's encoded audio: narration, cues, ambience loops. */
export function isPackAudio(pathname: string): boolean {
  return /^\/packs\/.+\.(?:webm|mp3)$/u.test(pathname);
}

/** A pack's JSON: the library index, the shared sounds' manifest, a session manifest. */
export function isPackManifest(pathname: string): boolean {
  return /^\/packs\/.+\.json$/u.test(pathname);
}

/**
 * Navigations that are never answered with the app shell: the packs, the built assets, and any
 * path naming a file (`/sw.js`, `/icons/icon-192.png`). Matched against path + query, as
 * Workbox's `NavigationRoute` does.
 */
export const shellNavigationDenylist: readonly RegExp[] = [/^\/packs\//u, /^\/assets\//u, /^[^?]*\/[^/?]*\.[a-z0-9]+(?:\?.*)?$/iu];

/** Whether a navigation to this path + query is one of the app's screens (answered with index.html). */
export function isShellNavigation(pathAndQuery: string): boolean {
  return !shellNavigationDenylist.some((pattern) => pattern.test(pathAndQuery));
}
