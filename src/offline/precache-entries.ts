import type { GetManifestOptions } from 'workbox-build';

/**
 * Which built files are the app shell, as Workbox's build reads them. Not shell: the audio packs
 * (too big; kept only by an explicit download or as the offline core), the voice on the device's
 * engine (`*.wasm`, 21 MB: downloaded only when first needed, see `voice-cache.ts`), the service worker itself,
 * the install screenshots, the host's header rules, source maps. Vite writes bundled files as
 * `assets/<name>-<hash>.<ext>`: their names change with their content, so they need no revision.
 * URLs are absolute from the site's root, as the app requests them.
 */
export const shellGlobs: Omit<GetManifestOptions, 'globDirectory'> = {
  globPatterns: ['**/*'],
  globIgnores: ['packs/**', 'assets/*.wasm', 'screenshots/**', 'sw.js', '_headers', '**/*.map'],
  dontCacheBustURLsMatching: /^\/assets\//u,
  modifyURLPrefix: { '': '/' },
  // The shell is small; a larger file here is a mistake in the build, not a file to skip quietly.
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
};
