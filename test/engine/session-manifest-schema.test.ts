import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSessionManifest } from '../../src/engine/session-manifest-schema';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const shippedIds = readdirSync('public/packs', { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() && entry.name !== 'common' ? [entry.name] : []));
const shipped = (id: string) => readJson(`public/packs/${id}/manifest.json`) as Record<string, unknown>;

/** A shipped manifest with one value changed along `path`. */
function changed(path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(shipped('breathe-long-exhale'));
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1) ?? ''] = value;
  return copy;
}

describe('reading a session manifest', () => {
  it.each(shippedIds)('reads the shipped %s as this version’s pack', (id) => {
    expect(readSessionManifest(shipped(id)).kind).toBe('current');
  });

  it('reads a pack of the previous format, to be planned from its script', () => {
    expect(readSessionManifest(readJson('test/fixtures/packs/format-2/breathe-long-exhale.manifest.json')).kind).toBe('legacy');
  });

  it('refuses a pack of another version, and anything that is not a manifest', () => {
    for (const value of [{ format: 99 }, null, 'manifest', [], 3]) expect(readSessionManifest(value)).toEqual({ kind: 'other-version' });
  });

  it('refuses a damaged manifest and says where it is damaged', () => {
    const breathing = (shipped('breathe-long-exhale').template as { steps: { repeat?: unknown }[] }).steps.findIndex((step) => step.repeat !== undefined);
    const cases: [readonly (string | number)[], unknown][] = [
      [['template', 'steps', 0, 'fixed'], -1],
      [['template', 'steps', breathing, 'repeat', 'every'], 1e-300],
      [['template', 'steps', 0, 'events', 0, 'kind'], 'explosion'],
      [['narration', 'webm', 'sha256'], 'not a hash'],
      [['narration', 'webm', 'path'], '../../secret'],
      [['template', 'length', 'max'], Number.POSITIVE_INFINITY],
    ];
    for (const [path, value] of cases) {
      const reading = readSessionManifest(changed(path, value));
      expect(reading.kind, path.join('.')).toBe('damaged');
      // Where names the part of the file that is wrong (a union of step shapes reports the step itself).
      expect(reading.kind === 'damaged' ? reading.where : '', path.join('.')).toMatch(new RegExp(`^${String(path[0])}\\.${String(path[1])}`, 'u'));
    }
  });
});
