import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { precacheEntries, type BuiltFile } from './precache-entries.ts';

/** Where the service worker's source is, and the injection point its precache list replaces. */
const entry = resolve(import.meta.dirname, 'sw.ts');
const injectionPoint = 'self.__WB_MANIFEST';

async function builtFiles(outDir: string): Promise<BuiltFile[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((dirent) => dirent.isFile())
      .map(async (dirent) => {
        const absolute = join(dirent.parentPath, dirent.name);
        const contentHash = createHash('sha256').update(await readFile(absolute)).digest('hex').slice(0, 16);
        return { path: relative(outDir, absolute).split(sep).join('/'), contentHash };
      }),
  );
}

/**
 * After the app is built, bundles `src/offline/sw.ts` with Workbox into `sw.js` (a classic script,
 * so every browser with service workers runs it) and writes the app shell's precache list into
 * it: Workbox's `injectManifest`, in one small build step of our own.
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
      const manifest = JSON.stringify(precacheEntries(await builtFiles(outDir)));
      await build({
        configFile: false,
        root: config.root,
        publicDir: false,
        logLevel: config.logLevel,
        mode: 'production',
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        plugins: [
          {
            name: 'lull:precache-manifest',
            transform(code, id) {
              if (id !== entry) return null;
              if (code.split(injectionPoint).length !== 2) throw new Error(`${entry} must use ${injectionPoint} exactly once.`);
              return code.replace(injectionPoint, manifest);
            },
          },
        ],
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
    },
  };
}
