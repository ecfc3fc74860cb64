/**
 * The built scripts and styles of the version an update replaces, kept for windows that still run
 * it. When a new version activates, Workbox's precache deletes every file the new version does not
 * list; a window that another window updated has not loaded every screen's code yet, and without
 * this it could never open those screens again (the server no longer has the old files either).
 * One version back is kept: such a window moves to the new version at its next change of screen
 * (see `UpdateOffer.reloadsOnNavigation`), so nothing older is still asked for.
 */
export const previousShellCacheName = 'lull-previous-shell-v1';

/**
 * Vite's hashed output (`/assets/<name>-<hash>.<ext>`): what a running window loads by a name the
 * next version drops. Not the voice's engine (`.wasm`): it is never precached, and the page keeps
 * it itself, so the service worker leaves its download to the network.
 */
export function isBuiltAsset(pathname: string): boolean {
  return pathname.startsWith('/assets/') && !pathname.endsWith('.wasm');
}

/** Of the URLs in the precache, the built assets that the new version's shell (its paths) does not list. */
export function outdatedAssets(cachedUrls: readonly string[], shellPaths: readonly string[]): string[] {
  const current = new Set(shellPaths);
  return cachedUrls.filter((url) => {
    const { pathname } = new URL(url);
    return isBuiltAsset(pathname) && !current.has(pathname);
  });
}

/**
 * Run while a new version installs, before its activation cleans the precache: copies the assets
 * it replaces aside, in place of those of the version before. Never fails the install: without
 * the copy an old window loses only screens it had not opened.
 */
export async function keepPreviousAssets(precacheName: string, shellPaths: readonly string[]): Promise<void> {
  try {
    const precache = await caches.open(precacheName);
    const outdated = outdatedAssets(
      (await precache.keys()).map((request) => request.url),
      shellPaths,
    );
    await caches.delete(previousShellCacheName);
    const previous = await caches.open(previousShellCacheName);
    await Promise.all(
      outdated.map(async (url) => {
        const response = await precache.match(url);
        if (response) await previous.put(url, response);
      }),
    );
  } catch {
    // Out of space, say: the update installs all the same.
  }
}
