import { describe, expect, it } from 'vitest';
import { isPackAudio, isPackManifest, isShellNavigation } from '../../src/offline/offline-routes';

describe('what the service worker routes where', () => {
  it('answers every screen of the app with the app shell, whatever its query', () => {
    for (const path of ['/', '/session/safe-space', '/session/breathe-long-exhale?minutes=7.5&place=beach', '/journal', '/your-data', '/breathe', '/check-in', '/no-such-page']) {
      expect(isShellNavigation(path), path).toBe(true);
    }
  });

  it('never answers the packs, the built assets or a file with the app shell', () => {
    for (const path of ['/packs/index.json', '/packs/safe-space/', '/assets/index-abc.js', '/sw.js', '/manifest.webmanifest', '/icons/icon-192.png', '/icon.svg?v=2']) {
      expect(isShellNavigation(path), path).toBe(false);
    }
  });

  it('tells pack audio from pack manifests, and both from anything else', () => {
    expect(isPackAudio('/packs/safe-space/narration.358422fc0f.webm')).toBe(true);
    expect(isPackAudio('/packs/common/cues.76f250a84e.mp3')).toBe(true);
    expect(isPackAudio('/packs/index.json')).toBe(false);
    expect(isPackAudio('/assets/sound.mp3')).toBe(false);
    expect(isPackManifest('/packs/index.json')).toBe(true);
    expect(isPackManifest('/packs/common/common.json')).toBe(true);
    expect(isPackManifest('/manifest.webmanifest')).toBe(false);
  });
});
