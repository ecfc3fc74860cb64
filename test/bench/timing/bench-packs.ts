import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCommon } from '../../../src/compiler/compile-common';
import { compileSession } from '../../../src/compiler/compile-session';
import { loadScripts } from '../../../src/compiler/load-scripts';
import { createSpeaker } from '../../../src/compiler/render/speech';
import { createLineRenderer } from '../../../src/compiler/voice-lines';
import { formatProblem } from '../../../src/engine/script-problem';
import type { CommonManifest, SessionManifest } from '../../../src/engine/pack-manifest';

/** The bench's own session scripts, next to this file. */
export const benchScriptsDir = fileURLToPath(new URL('.', import.meta.url));
export const benchSessionIds = ['bench-breathing', 'bench-butterfly-hug', 'bench-butterfly-hug-ambience'] as const;
export type BenchSessionId = (typeof benchSessionIds)[number];

export interface BenchPacks {
  /** Laid out as the app serves them: `<dir>/common/…`, `<dir>/<id>/…`. */
  readonly dir: string;
  readonly common: CommonManifest;
  readonly manifests: ReadonlyMap<string, SessionManifest>;
}

/** Compiles the bench scripts with the project's compiler (voice, cues, sprites, manifests) into `dir`. */
export async function compileBenchPacks(dir: string, cacheDir: string, ids: readonly BenchSessionId[]): Promise<BenchPacks> {
  // Measuring scripts, never heard by a person: their long tone-only stretches are the point.
  const { scripts, problems } = await loadScripts(
    ids.map((id) => join(benchScriptsDir, `${id}.yaml`)),
    benchScriptsDir,
    { content: false },
  );
  if (problems.length > 0) throw new Error(`The bench scripts have problems:\n${problems.map(formatProblem).join('\n')}`);
  const lines = createLineRenderer(createSpeaker, benchScriptsDir, cacheDir);
  const common = await compileCommon(join(dir, 'common'), lines, { entries: [] }, true);
  const manifests = new Map<string, SessionManifest>();
  for (const { script, source } of scripts) {
    const { manifest } = await compileSession(script, source, join(dir, script.id), benchScriptsDir, lines, true);
    manifests.set(script.id, manifest);
  }
  return { dir, common, manifests };
}
