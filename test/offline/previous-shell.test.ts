import { describe, expect, it } from 'vitest';
import { isBuiltAsset, outdatedAssets } from '../../src/offline/previous-shell';

describe("keeping the previous version's assets", () => {
  it('sets aside the built assets the new version does not list, and nothing else', () => {
    const cached = [
      'https://lull.example/assets/index-old.js',
      'https://lull.example/assets/lull-journal-view-old.js',
      'https://lull.example/assets/index-same.css',
      'https://lull.example/index.html?__WB_REVISION__=1a2b',
      'https://lull.example/icons/icon-192.png?__WB_REVISION__=3c4d',
    ];
    const shell = ['/assets/index-new.js', '/assets/index-same.css', '/index.html', '/icons/icon-192.png'];
    expect(outdatedAssets(cached, shell)).toEqual(['https://lull.example/assets/index-old.js', 'https://lull.example/assets/lull-journal-view-old.js']);
  });

  it('counts only the hashed build output as assets, and not the voice’s engine, which the page keeps itself', () => {
    expect(isBuiltAsset('/assets/lull-letters-view-CNPBmIQL.js')).toBe(true);
    expect(isBuiltAsset('/index.html')).toBe(false);
    expect(isBuiltAsset('/assets/flite-BG2zlK9T.wasm')).toBe(false);
    expect(isBuiltAsset('/packs/common/cues.webm')).toBe(false);
  });
});
