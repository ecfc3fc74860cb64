import { readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, ScriptError } from '../engine/script-problem';
import { festivalInstallHint } from './render/festival-hint';
import { compileCommon } from './compile-common';
import { compileSession, type CompiledSession } from './compile-session';
import { buildLibraryIndex } from './library-index';
import { listScriptFiles, loadScripts } from './load-scripts';
import { loadLexicon } from './lexicon';
import { lexiconPath, packsDir, scriptsDir, voiceCacheDir } from './project-paths';
import { RenderError } from './render/render-error';
import { createLineRenderer } from './voice-lines';

const usage = `Usage:
  npm run audio                   compile every script in audio-scripts/ into public/packs/
  npm run audio -- --check FILE…  validate scripts without rendering
  npm run audio -- --force        render every line again, ignoring the cache`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { check: { type: 'boolean' }, force: { type: 'boolean' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.check) return check(positionals.map((file) => resolve(file)));
  if (positionals.length > 0) {
    console.error(`Unexpected arguments: ${positionals.join(' ')}\n${usage}`);
    return 2;
  }
  try {
    return await compileAll(values.force ?? false);
  } catch (error) {
    if (!(error instanceof RenderError) || (error.code !== 'speech-engine-missing' && error.code !== 'lexicon-invalid')) throw error;
    console.error(error.code === 'speech-engine-missing' ? `Rendering narration needs Festival and its US English voice (slt, HTS). Install them with:\n  ${festivalInstallHint}` : error.message);
    return 1;
  }
}

async function check(files: readonly string[]): Promise<number> {
  const paths = files.length > 0 ? files : await listScriptFiles(scriptsDir);
  const { scripts, problems } = await loadScripts(paths, scriptsDir);
  for (const problem of problems) console.error(formatProblem(problem));
  console.log(`${scripts.length} of ${paths.length} script(s) valid.`);
  return problems.length > 0 ? 1 : 0;
}

async function compileAll(force: boolean): Promise<number> {
  const started = performance.now();
  const { scripts, problems } = await loadScripts(await listScriptFiles(scriptsDir), scriptsDir);
  if (problems.length > 0) {
    for (const problem of problems) console.error(formatProblem(problem));
    return 1;
  }
  // Loaded only when rendering: validating needs no speech engine.
  const { createSpeaker } = await import('./render/speech');
  const lexicon = await loadLexicon(lexiconPath);
  const lines = createLineRenderer(createSpeaker, scriptsDir, voiceCacheDir, lexicon);
  const common = await compileCommon(join(packsDir, 'common'), lines, lexicon, force);
  const compiled: { script: (typeof scripts)[number]['script']; result: CompiledSession }[] = [];
  for (const { script, source } of scripts) {
    try {
      const result = await compileSession(script, source, join(packsDir, script.id), scriptsDir, lines, force);
      compiled.push({ script, result });
      const { manifest } = result;
      const state = result.renderedLines === undefined ? 'up to date' : `${result.renderedLines} line(s) rendered`;
      console.log(`${script.id}: ${Object.keys(manifest.lines).length} lines, ${manifest.spokenSeconds.toFixed(1)} s spoken, ${manifest.narration.webm.bytes} B webm, ${manifest.narration.mp3.bytes} B mp3 (${state})`);
    } catch (error) {
      if (!(error instanceof ScriptError)) throw error;
      for (const problem of error.problems) console.error(formatProblem(problem));
      return 1;
    }
  }
  await removeStalePacks(new Set(['common', ...scripts.map(({ script }) => script.id)]));
  const index = buildLibraryIndex(
    compiled.map(({ script, result }) => ({ script, manifest: result.manifest })),
    common,
  );
  await writeFile(join(packsDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  console.log(`Compiled ${compiled.length} session(s) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

async function removeStalePacks(keep: ReadonlySet<string>): Promise<void> {
  const entries = await readdir(packsDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory() && !keep.has(entry.name)) await rm(join(packsDir, entry.name), { recursive: true });
  }
}

process.exitCode = await main();
