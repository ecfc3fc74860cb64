import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { RangeRequestsPlugin } from 'workbox-range-requests';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { isPackAudio, isPackManifest, packAudioCacheName, packManifestCacheName, shellNavigationDenylist } from './offline-routes';

declare let self: ServiceWorkerGlobalScope & {
  /** Replaced at build time with the app shell's files and revisions (never the packs). */
  readonly __WB_MANIFEST: (string | PrecacheEntry)[];
};

// The app shell: index.html, the built assets, the web app manifest and icons, with revisions.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes the open page at once; a later version waits until the person accepts it.
clientsClaim();

// Every screen of the app (/, /session/<id>, /journal …) opens offline from the precached shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [...shellNavigationDenylist] }));

/** Playing a session that was not downloaded streams it; only an explicit download stores audio. */
const onlyExplicitDownloads: WorkboxPlugin = {
  cacheWillUpdate: () => Promise.resolve(null),
};

// Downloaded audio, cache first; a `Range` request is answered with a 206 cut from the stored
// whole file, so media can seek offline.
registerRoute(
  ({ url }) => url.origin === self.location.origin && isPackAudio(url.pathname),
  new CacheFirst({ cacheName: packAudioCacheName, plugins: [onlyExplicitDownloads, new RangeRequestsPlugin()] }),
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
