import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSession } from '../../src/compiler/compile-session';
import { listScriptFiles, loadScripts } from '../../src/compiler/load-scripts';
import { scriptsDir } from '../../src/compiler/project-paths';
import { createSpeaker } from '../../src/compiler/render/speech';
import { createLineRenderer } from '../../src/compiler/voice-lines';

export interface CompileFigures {
  readonly session: string;
  readonly defaultMinutes: number;
  readonly spokenMinutes: number;
  /** Seconds of compile time per minute of session at its default length: cold cache, then warm. */
  readonly coldSecondsPerSessionMinute: number;
  readonly warmSecondsPerSessionMinute: number;
  readonly webmBytesPerSpokenMinute: number;
  readonly mp3BytesPerSpokenMinute: number;
}

/** Compiles every shipped script into a scratch folder: once with an empty voice cache, once re-rendering packs from the cache. */
export async function benchCompile(): Promise<CompileFigures[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'lull-bench-'));
  try {
    const { scripts, problems } = await loadScripts(await listScriptFiles(scriptsDir), scriptsDir);
    if (problems.length > 0) throw new Error('The shipped scripts have problems: run npm run audio -- --check');
    const lines = createLineRenderer(createSpeaker, scriptsDir, join(scratch, 'cache'));
    const figures: CompileFigures[] = [];
    for (const { script, source } of scripts) {
      const time = async (): Promise<{ seconds: number; manifest: Awaited<ReturnType<typeof compileSession>>['manifest'] }> => {
        const started = performance.now();
        const { manifest } = await compileSession(script, source, join(scratch, 'packs', script.id), scriptsDir, lines, true);
        return { seconds: (performance.now() - started) / 1000, manifest };
      };
      const cold = await time();
      const warm = await time();
      const spokenMinutes = cold.manifest.spokenSeconds / 60;
      figures.push({
        session: script.id,
        defaultMinutes: script.length.default,
        spokenMinutes: round(spokenMinutes),
        coldSecondsPerSessionMinute: round(cold.seconds / script.length.default),
        warmSecondsPerSessionMinute: round(warm.seconds / script.length.default),
        webmBytesPerSpokenMinute: Math.round(cold.manifest.narration.webm.bytes / spokenMinutes),
        mp3BytesPerSpokenMinute: Math.round(cold.manifest.narration.mp3.bytes / spokenMinutes),
      });
    }
    return figures;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
