import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getManifest } from 'workbox-build';
import { shellGlobs } from '../../src/offline/precache-entries';

let folder: string | undefined;

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the app shell precache list', () => {
  it('holds the shell with revisions, hashed assets without, and never the packs, the voice’s engine, the screenshots, the worker or the header rules', async () => {
    folder = await mkdtemp(join(tmpdir(), 'lull-shell-'));
    const built = [
      'sw.js',
      'packs/index.json',
      'packs/safe-space/narration.358422fc0f.webm',
      'screenshots/library-wide.png',
      '_headers',
      'index.html',
      'assets/index-AwOTy3ml.js',
      'assets/index-AwOTy3ml.js.map',
      'assets/index-sMoDI_5R.css',
      'assets/flite-BG2zlK9T.wasm',
      'manifest.webmanifest',
      'icons/icon-192.png',
    ];
    for (const path of built) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), `content of ${path}`);
    }
    const { manifestEntries, warnings } = await getManifest({ globDirectory: folder, ...shellGlobs });
    expect(warnings).toEqual([]);
    const entries = manifestEntries.map((entry) => ({ url: entry.url, revised: typeof entry.revision === 'string' && entry.revision.length > 0 }));
    expect(entries.sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { url: '/assets/index-AwOTy3ml.js', revised: false },
      { url: '/assets/index-sMoDI_5R.css', revised: false },
      { url: '/icons/icon-192.png', revised: true },
      { url: '/index.html', revised: true },
      { url: '/manifest.webmanifest', revised: true },
    ]);
  });
});
