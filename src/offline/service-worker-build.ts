import { resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { injectManifest } from 'workbox-build';
import { shellGlobs } from './precache-entries.ts';

/** Where the service worker's source is. */
const entry = resolve(import.meta.dirname, 'sw.ts');

/**
 * After the app is built, bundles `src/offline/sw.ts` with Workbox into `sw.js` (a classic script,
 * so every browser with service workers runs it); then Workbox's own `injectManifest` writes the
 * app shell's precache list (every built file but the audio packs, with its revision) into it.
 */
export function serviceWorkerPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'lull:service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = resolve(config.root, config.build.outDir);
      await build({
        configFile: false,
        root: config.root,
        publicDir: false,
        logLevel: config.logLevel,
        mode: 'production',
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: config.build.target,
          minify: true,
          sourcemap: false,
          rolldownOptions: { input: entry, output: { format: 'iife', entryFileNames: 'sw.js' } },
        },
      });
      const serviceWorker = resolve(outDir, 'sw.js');
      const { warnings } = await injectManifest({ swSrc: serviceWorker, swDest: serviceWorker, globDirectory: outDir, ...shellGlobs });
      if (warnings.length > 0) throw new Error(`The service worker's precache list has problems:\n${warnings.join('\n')}`);
    },
  };
}
