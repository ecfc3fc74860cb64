import { readFileSync } from 'node:fs';
import { checkScript } from '../../../src/engine/check-script';
import type { CommonManifest, LibraryIndex, SessionManifest } from '../../../src/engine/pack-manifest';
import { ambiencesUsed } from '../../../src/engine/script-inventory';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export const libraryIndex = (): LibraryIndex => readJson('dist/packs/index.json') as LibraryIndex;

/** The files of one encoding (WebM/Opus by default, what Chromium downloads) a built session needs offline, as URL paths. */
export function sessionAudioPaths(id: string, codec: 'webm' | 'mp3' = 'webm'): string[] {
  const manifest = readJson(`dist/packs/${id}/manifest.json`) as SessionManifest;
  const common = readJson('dist/packs/common/common.json') as CommonManifest;
  const checked = checkScript(manifest.sourceFile, manifest.source);
  if (!checked.ok) throw new Error(`The built pack ${id} has an invalid script.`);
  return [
    `/packs/${id}/${manifest.narration[codec].path}`,
    `/packs/common/${common.cues.audio[codec].path}`,
    ...ambiencesUsed(checked.script).map((kind) => `/packs/common/${common.ambience[kind].audio[codec].path}`),
  ];
}

/** The offline core every visit keeps without asking: what the break's session plays (the pacer needs its cues). */
export const offlineCorePaths = (): string[] => [...sessionAudioPaths('self-soothing')].sort();
