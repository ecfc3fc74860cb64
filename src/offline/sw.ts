import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { cacheNames, clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { isPackAudio, isPackManifest, packAudioCacheName, packManifestCacheName, shellNavigationDenylist } from './offline-routes';
import { isBuiltAsset, keepPreviousAssets, previousShellCacheName } from './previous-shell';

declare let self: ServiceWorkerGlobalScope & {
  /** Replaced at build time with the app shell's files and revisions (never the packs). */
  readonly __WB_MANIFEST: (string | PrecacheEntry)[];
};

// The app shell: index.html, the built assets, the web app manifest and icons, with revisions.
const shell = self.__WB_MANIFEST;
precacheAndRoute(shell);
cleanupOutdatedCaches();

// The assets this version replaces are set aside while it installs, before its activation deletes
// them: a window still running the previous version keeps opening its screens, offline too.
const shellPaths = shell.map((entry) => new URL(typeof entry === 'string' ? entry : entry.url, self.location.href).pathname);
self.addEventListener('install', (event) => {
  event.waitUntil(keepPreviousAssets(cacheNames.precache, shellPaths));
});
// The first install takes the open page at once; a later version waits until the person accepts it.
clientsClaim();

// Every screen of the app (/, /session/<id>, /journal …) opens offline from the precached shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [...shellNavigationDenylist] }));

/**
 * A cache filled only on purpose, never by answering from it: playing a session that was not
 * downloaded streams it (only an explicit download stores audio), and the previous version's
 * assets are set aside only at install.
 */
const neverStores: WorkboxPlugin = {
  cacheWillUpdate: () => Promise.resolve(null),
};

// A built asset this version does not have: the previous version's, for a window still running it.
registerRoute(
  ({ url }) => url.origin === self.location.origin && isBuiltAsset(url.pathname),
  new CacheFirst({ cacheName: previousShellCacheName, plugins: [neverStores] }),
);

// Downloaded audio, cache first; a `Range` request is answered with a 206 cut from the stored
// whole file, so media can seek offline.
registerRoute(
  ({ url }) => url.origin === self.location.origin && isPackAudio(url.pathname),
  new CacheFirst({ cacheName: packAudioCacheName, plugins: [neverStores, new RangeRequestsPlugin()] }),
);

// The packs' JSON: fresh from the network when there is one, the kept copy when there is not.
registerRoute(
  ({ url }) => url.origin === self.location.origin && isPackManifest(url.pathname),
  new NetworkFirst({ cacheName: packManifestCacheName, networkTimeoutSeconds: 5, plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
);

// A new version activates only when the page asks, after the person accepted the update.
self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') void self.skipWaiting();
});
