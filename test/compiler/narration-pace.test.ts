import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packsDir } from '../../src/compiler/project-paths';
import type { LibraryIndex, NarrationLine, SessionManifest } from '../../src/engine/pack-manifest';
import { percentile } from '../bench/timing/statistics';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const index = readJson(join(packsDir, 'index.json')) as LibraryIndex;
const wordsOf = (text: string): number => text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** Every narrator's synthetic lines of a pack (a recorded take is a person's own pace). */
function narrations(manifest: SessionManifest): [string, NarrationLine[]][] {
  const synthetic = (lines: Readonly<Record<string, NarrationLine>>) => Object.values(lines).filter((line) => line.take === undefined);
  return [['default', synthetic(manifest.lines)], ...Object.entries(manifest.narrators ?? {}).map(([narrator, other]): [string, NarrationLine[]] => [narrator, synthetic(other.lines)])];
}

// The clip of a line runs from its first sound to its last (30 ms kept either side): its length
// gives the pace without decoding. `npm run bench` measures the same in the decoded audio.
describe.each(index.sessions.map((entry) => [entry.id, entry.manifest]))('the %s pack', (_id, manifestPath) => {
  const manifest = readJson(join(packsDir, manifestPath)) as SessionManifest;

  it.each(narrations(manifest))('is narrated by %s at 100–125 words a minute (median of its lines), nine lines in ten under 130', (_narrator, lines) => {
    const pace = lines.map((line) => (wordsOf(line.text) / line.duration) * 60);
    expect(percentile(pace, 50)).toBeGreaterThanOrEqual(100);
    expect(percentile(pace, 50)).toBeLessThanOrEqual(125);
    expect(percentile(pace, 90)).toBeLessThan(130);
  });
});
