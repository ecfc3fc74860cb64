import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScript } from '../../src/engine/check-script';
import { lineKey } from '../../src/engine/line-key';
import type { CommonManifest, EncodedAudio, LibraryIndex, SessionManifest } from '../../src/engine/pack-manifest';
import { recordedTakes, spokenLines } from '../../src/engine/script-inventory';
import type { Script } from '../../src/engine/script-model';
import { commonRecipe, respellingsOf } from '../../src/compiler/compile-common';
import { packInputsHash, sha256 } from '../../src/compiler/hash';
import { listScriptFiles } from '../../src/compiler/load-scripts';
import { lexiconPath, packsDir, scriptsDir } from '../../src/compiler/project-paths';
import { loadLexicon } from '../../src/compiler/lexicon';
import { voiceId } from '../../src/compiler/voice';
import { renderRecipe } from '../../src/compiler/voice-lines';
import { planLineSeconds } from '../../src/engine/narrator-lines';
import { compilerPlan, shippedPlan } from '../helpers/shipped-plan';
import { templateOf } from '../../src/engine/plan-session';
import { templateChoices, type TemplateChoice } from '../../src/engine/plan-template';

const lexicon = await loadLexicon(lexiconPath);
const recipe = renderRecipe(lexicon);
const rebuild = 'the shipped packs are out of step with audio-scripts/: run "npm run audio" and commit public/packs/';
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function expectFilesIntact(dir: string, audio: EncodedAudio): void {
  for (const file of [audio.webm, audio.mp3]) {
    const path = join(dir, file.path);
    expect(existsSync(path), `${path} is missing; ${rebuild}`).toBe(true);
    const bytes = readFileSync(path);
    expect(bytes.byteLength, `${path} has the wrong size`).toBe(file.bytes);
    expect(sha256(bytes), `${path} does not match its hash`).toBe(file.sha256);
  }
}

/** Every combination of answers to the choices (the shipped scripts have a handful). */
function everyAnswer(choices: readonly TemplateChoice[]): Record<string, string>[] {
  return choices.reduce<Record<string, string>[]>((partials, choice) => partials.flatMap((partial) => choice.options.map((option) => ({ ...partial, [choice.name]: option.id }))), [{}]);
}

function readScript(path: string): { source: string; script: Script } {
  const source = readFileSync(path, 'utf8');
  const checked = checkScript(path, source);
  if (!checked.ok) throw new Error(`${path} is not valid: run "npm run audio -- --check ${path}"`);
  return { source, script: checked.script };
}

describe('the shipped session packs', async () => {
  const scriptFiles = await listScriptFiles(scriptsDir);
  const ids = scriptFiles.map((path) => readScript(path).script.id);

  it.each(scriptFiles.map((path) => [path.slice(scriptsDir.length + 1), path]))('%s has a pack built from its current text', async (_name, path) => {
    const { source, script } = readScript(path);
    const manifestPath = join(packsDir, script.id, 'manifest.json');
    expect(existsSync(manifestPath), `${manifestPath} is missing; ${rebuild}`).toBe(true);
    const manifest = readJson(manifestPath) as SessionManifest;
    expect(manifest.voice, rebuild).toBe(voiceId);
    expect(manifest.inputsSha256, rebuild).toBe(await packInputsHash(source, [...recordedTakes(script).values()], scriptsDir, recipe));
    expect(manifest.source, rebuild).toBe(source);
    expect(Object.keys(manifest.lines).sort(), rebuild).toEqual(spokenLines(script).map((text) => lineKey(text, voiceId)).sort());
    expectFilesIntact(join(packsDir, script.id), manifest.narration);
    for (const other of Object.values(manifest.narrators ?? {})) expectFilesIntact(join(packsDir, script.id), other.narration);
    // The pack's template is the compiler's: stretched by the app at any length and with any choices,
    // it gives exactly the plan the compiler makes from the script.
    const keyOf = (text: string) => lineKey(text, voiceId);
    const narrations = [manifest.lines, ...Object.values(manifest.narrators ?? {}).map((other) => other.lines)];
    expect(manifest.template).toEqual(templateOf(script, { keyOf, speechSeconds: (text) => planLineSeconds(narrations, keyOf(text)) ?? Number.NaN }));
    for (const minutes of [script.length.min, script.length.default, script.length.max]) {
      for (const choices of everyAnswer(templateChoices(manifest.template))) {
        expect(shippedPlan(script.id, minutes, choices), `${String(minutes)} min, ${JSON.stringify(choices)}`).toEqual(compilerPlan(script.id, minutes, choices));
      }
    }
  });

  it('share cues and ambience made by the current recipe', () => {
    const common = readJson(join(packsDir, 'common', 'common.json')) as CommonManifest;
    expect(common.recipe, rebuild).toBe(commonRecipe);
    expect(common.voice, rebuild).toBe(voiceId);
    expect(common.respellings, rebuild).toEqual(respellingsOf(lexicon));
    expectFilesIntact(join(packsDir, 'common'), common.cues.audio);
    for (const loop of Object.values(common.ambience)) expectFilesIntact(join(packsDir, 'common'), loop.audio);
  });

  it('are listed in the library index, one per script, and nothing else', () => {
    const index = readJson(join(packsDir, 'index.json')) as LibraryIndex;
    expect(index.sessions.map((entry) => entry.id).sort(), rebuild).toEqual([...ids].sort());
    const folders = readdirSync(packsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders.sort(), rebuild).toEqual(['common', ...ids].sort());
  });

  it('keep narration under 0.25 MB per spoken minute in both codecs', () => {
    const index = readJson(join(packsDir, 'index.json')) as LibraryIndex;
    for (const entry of index.sessions) {
      const manifest = readJson(join(packsDir, entry.manifest)) as SessionManifest;
      const minutes = manifest.spokenSeconds / 60;
      expect(manifest.narration.webm.bytes / minutes).toBeLessThanOrEqual(250_000);
      expect(manifest.narration.mp3.bytes / minutes).toBeLessThanOrEqual(250_000);
    }
  });
});
