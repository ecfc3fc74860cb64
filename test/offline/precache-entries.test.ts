import { describe, expect, it } from 'vitest';
import { precacheEntries } from '../../src/offline/precache-entries';

describe('the app shell precache list', () => {
  it('holds the shell with revisions, hashed assets without, and never the packs, the screenshots, the worker or the header rules', () => {
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
      'manifest.webmanifest',
      'icons/icon-192.png',
    ].map((path) => ({ path, contentHash: `hash-of-${path}` }));
    expect(precacheEntries(built)).toEqual([
      { url: '/assets/index-AwOTy3ml.js', revision: null },
      { url: '/assets/index-sMoDI_5R.css', revision: null },
      { url: '/icons/icon-192.png', revision: 'hash-of-icons/icon-192.png' },
      { url: '/index.html', revision: 'hash-of-index.html' },
      { url: '/manifest.webmanifest', revision: 'hash-of-manifest.webmanifest' },
    ]);
  });
});
