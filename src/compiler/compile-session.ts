import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lineKey } from '../engine/line-key';
import { sessionManifestFormat, type NarrationLine, type SessionManifest } from '../engine/pack-manifest';
import { templateOf } from '../engine/plan-session';
import { recordedTakes, spokenLines } from '../engine/script-inventory';
import type { Script } from '../engine/script-model';
import { ScriptError } from '../engine/script-problem';
import { validateScript } from '../engine/validate-script';
import { packInputsHash, sha256 } from './hash';
import { pcmSeconds } from './pcm';
import { packSprite } from './sprite';
import type { LineRenderer } from './voice-lines';
import { voiceId } from './voice';
import { encodedFiles, writeEncoded } from './write-encoded';

export interface CompiledSession {
  readonly manifest: SessionManifest;
  /** Lines rendered now (the rest came from the cache); `undefined` when the pack was already current. */
  readonly renderedLines?: number;
}

/** Silence around each sprite clip: long enough that codec frames never bleed into the next line. */
const spriteGapSeconds = 0.4;

/**
 * Builds one session's pack: every line it can speak, as a sprite in two codecs, and a manifest
 * with the script's source, the sprite map and content hashes. A pack whose source and voice
 * are unchanged and whose files are all present is left as it is.
 */
export async function compileSession(
  script: Script,
  source: string,
  packDir: string,
  scriptsDir: string,
  lines: LineRenderer,
  force = false,
): Promise<CompiledSession> {
  const takes = recordedTakes(script);
  const sourceSha256 = sha256(source);
  const inputsSha256 = await packInputsHash(source, [...takes.values()], scriptsDir);
  const existing = force ? undefined : await readCurrentManifest(packDir, inputsSha256);
  if (existing) return { manifest: existing };

  const rendered = [];
  for (const text of spokenLines(script)) {
    const take = takes.get(text);
    rendered.push(await lines.render(take === undefined ? { text } : { text, take }));
  }
  const durations = new Map(rendered.map((line) => [line.text, pcmSeconds(line.pcm)]));
  const problems = validateScript(script, { speechSeconds: (text) => durations.get(text) ?? 0 });
  if (problems.length > 0) throw new ScriptError(problems);

  await rm(packDir, { recursive: true, force: true });
  await mkdir(packDir, { recursive: true });
  const sprite = packSprite(
    rendered.map((line) => line.pcm),
    spriteGapSeconds,
  );
  const narration = await writeEncoded(packDir, 'narration', sprite.pcm, 'voice');
  const manifestLines: Record<string, NarrationLine> = {};
  rendered.forEach((line, index) => {
    const clip = sprite.clips[index];
    if (clip) manifestLines[line.key] = { ...clip, text: line.text, ...(line.take ? { take: line.take } : {}) };
  });
  const manifest: SessionManifest = {
    format: sessionManifestFormat,
    id: script.id,
    title: script.title,
    description: script.description,
    practice: script.practice,
    length: { default: script.length.default, min: script.length.min, max: script.length.max },
    ...(script.contentNote ? { contentNote: script.contentNote } : {}),
    voice: voiceId,
    source,
    sourceFile: script.file,
    sourceSha256,
    inputsSha256,
    narration,
    lines: manifestLines,
    spokenSeconds: rendered.reduce((sum, line) => sum + pcmSeconds(line.pcm), 0),
    template: templateOf(script, {
      speechSeconds: (text) => durations.get(text) ?? 0,
      keyOf: (text) => lineKey(text, voiceId),
    }),
  };
  await writeFile(join(packDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, renderedLines: rendered.filter((line) => line.rendered).length };
}

async function readCurrentManifest(packDir: string, inputsSha256: string): Promise<SessionManifest | undefined> {
  const text = await readFile(join(packDir, 'manifest.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  // An older pack may have another format; read it loosely before trusting it.
  const manifest = JSON.parse(text) as Omit<SessionManifest, 'format'> & { format: number };
  if (manifest.format !== sessionManifestFormat || manifest.inputsSha256 !== inputsSha256 || manifest.voice !== voiceId) return undefined;
  const present = new Set(await readdir(packDir));
  return encodedFiles(manifest.narration).every((file) => present.has(file.path)) ? { ...manifest, format: sessionManifestFormat } : undefined;
}
