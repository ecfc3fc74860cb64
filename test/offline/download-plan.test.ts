import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CommonManifest, SessionManifest } from '../../src/engine/pack-manifest';
import { filesNoLongerNeeded, isComplete, progressOf, sessionFiles, unionOfFiles, type PlannedFile } from '../../src/offline/download-plan';

const manifest = JSON.parse(readFileSync('public/packs/safe-space/manifest.json', 'utf8')) as SessionManifest;
const common = JSON.parse(readFileSync('public/packs/common/common.json', 'utf8')) as CommonManifest;
const manifestUrl = new URL('https://lull.example/packs/safe-space/manifest.json');
const commonUrl = new URL('https://lull.example/packs/common/common.json');

const file = (name: string, bytes: number): PlannedFile => ({ url: `https://lull.example/${name}`, bytes, sha256: name });

describe('download planning', () => {
  it('plans a session as its narration, the shared cues and each ambience it uses, in the one codec the browser plays', () => {
    const webm = sessionFiles({ manifestUrl, manifest, commonUrl, common, ambience: ['beach', 'forest'], codec: 'webm' });
    expect(webm.map((planned) => planned.url)).toEqual([
      `https://lull.example/packs/safe-space/${manifest.narration.webm.path}`,
      `https://lull.example/packs/common/${common.cues.audio.webm.path}`,
      `https://lull.example/packs/common/${common.ambience.beach.audio.webm.path}`,
      `https://lull.example/packs/common/${common.ambience.forest.audio.webm.path}`,
    ]);
    expect(webm[0]).toEqual({ url: webm[0]?.url, bytes: manifest.narration.webm.bytes, sha256: manifest.narration.webm.sha256 });
    const mp3 = sessionFiles({ manifestUrl, manifest, commonUrl, common, ambience: [], codec: 'mp3' });
    expect(mp3.map((planned) => planned.url.slice(-4))).toEqual(['.mp3', '.mp3']);
  });

  it('fetches a file shared by several sessions once', () => {
    const cues = file('cues.webm', 10);
    expect(unionOfFiles([[file('a.webm', 1), cues], [cues, file('b.webm', 2)]]).map((planned) => planned.url)).toEqual([
      'https://lull.example/a.webm',
      'https://lull.example/cues.webm',
      'https://lull.example/b.webm',
    ]);
  });

  it('counts stored files whole and a file on its way by the bytes that arrived, never more than its size', () => {
    const files = [file('a', 100), file('b', 300), file('c', 600)];
    const stored = new Set([files[0]?.url ?? '']);
    expect(progressOf(files, stored, new Map())).toEqual({ done: 100, total: 1000 });
    expect(progressOf(files, stored, new Map([[files[1]?.url ?? '', 120]]))).toEqual({ done: 220, total: 1000 });
    expect(progressOf(files, stored, new Map([[files[1]?.url ?? '', 999]]))).toEqual({ done: 400, total: 1000 });
    expect(progressOf([], stored, new Map())).toEqual({ done: 0, total: 0 });
  });

  it('calls a session complete only when every one of its files is stored', () => {
    const files = [file('a', 1), file('b', 1)];
    expect(isComplete(files, new Set([files[0]?.url ?? '']))).toBe(false);
    expect(isComplete(files, new Set(files.map((planned) => planned.url)))).toBe(true);
  });

  it('deletes only files that no session to keep needs', () => {
    const cues = file('cues', 1);
    const kept = [[cues, file('beach', 1)]];
    expect(filesNoLongerNeeded([file('narration', 1).url, cues.url, file('rain', 1).url, cues.url], kept)).toEqual([
      'https://lull.example/narration',
      'https://lull.example/rain',
    ]);
    expect(filesNoLongerNeeded([cues.url], [])).toEqual([cues.url]);
  });
});
