import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lineKey } from '../engine/line-key';
import { planLineSeconds } from '../engine/narrator-lines';
import { defaultNarrator, narratorIds, type NarratorId } from '../engine/narrators';
import { sessionManifestFormat, type EncodedAudio, type NarrationLine, type NarratorNarration, type SessionManifest } from '../engine/pack-manifest';
import { templateOf } from '../engine/plan-session';
import { recordedTakes, spokenLines } from '../engine/script-inventory';
import type { Script } from '../engine/script-model';
import { ScriptError } from '../engine/script-problem';
import { validateScript } from '../engine/validate-script';
import { packInputsHash, sha256 } from './hash';
import { pcmSeconds } from '../speech/pcm';
import { packSprite } from './sprite';
import type { LineRenderer, RenderedLine } from './voice-lines';
import { voiceId } from './voice';
import { encodedFiles, writeEncoded } from './write-encoded';

export interface CompiledSession {
  readonly manifest: SessionManifest;
  /** Lines rendered now (the rest came from the cache); `undefined` when the pack was already current. */
  readonly renderedLines?: number;
}

/** Silence around each sprite clip: long enough that codec frames (20–26 ms) never bleed into the next line. */
const spriteGapSeconds = 0.25;
const linesAtOnce = 3;

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
  const inputsSha256 = await packInputsHash(source, [...takes.values()], scriptsDir, lines.recipe);
  const existing = force ? undefined : await readCurrentManifest(packDir, inputsSha256);
  if (existing) return { manifest: existing };

  // Festival runs in its own processes and Flite on this thread: narrators render side by side,
  // a few lines at a time each, and the result is the same in any order.
  const texts = spokenLines(script);
  const byNarrator = new Map<NarratorId, RenderedLine[]>(
    await Promise.all(
      narratorIds.map(async (narrator) => {
        const rendered = await mapInTurns(texts, linesAtOnce, (text) => {
          const take = takes.get(text);
          return lines.render(take === undefined ? { text } : { text, take }, narrator);
        });
        return [narrator, rendered] as const;
      }),
    ),
  );
  // The plan gives each line the time of its longest narrator, so every narrator fits the one plan.
  const durations = new Map<string, number>();
  for (const line of [...byNarrator.values()].flat()) durations.set(line.text, Math.max(durations.get(line.text) ?? 0, pcmSeconds(line.pcm)));
  const problems = validateScript(script, { speechSeconds: (text) => durations.get(text) ?? 0 });
  if (problems.length > 0) throw new ScriptError(problems);

  await rm(packDir, { recursive: true, force: true });
  await mkdir(packDir, { recursive: true });
  const sprites = new Map<NarratorId, NarratorNarration>();
  for (const [narrator, rendered] of byNarrator) {
    sprites.set(narrator, await writeNarration(packDir, narrator === defaultNarrator ? 'narration' : `narration-${narrator}`, rendered));
  }
  const main = sprites.get(defaultNarrator);
  const rendered = byNarrator.get(defaultNarrator) ?? [];
  if (!main) throw new Error('The default narrator was not rendered.');
  const others = Object.fromEntries([...sprites].filter(([narrator]) => narrator !== defaultNarrator));
  const narrations = [...sprites.values()].map((sprite) => sprite.lines);
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
    narration: main.narration,
    lines: main.lines,
    narrators: others,
    spokenSeconds: rendered.reduce((sum, line) => sum + pcmSeconds(line.pcm), 0),
    template: templateOf(script, {
      speechSeconds: (text) => planLineSeconds(narrations, lineKey(text, voiceId)) ?? 0,
      keyOf: (text) => lineKey(text, voiceId),
    }),
  };
  await writeFile(join(packDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, renderedLines: [...byNarrator.values()].flat().filter((line) => line.rendered).length };
}

/** Maps `items` through `work`, at most `limit` at once, keeping their order. */
async function mapInTurns<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  // One iterator shared by the workers: each takes the next item when it is free.
  const queue = items.entries();
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) results[index] = await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One narrator's lines as a sprite in two codecs, and where each line sits in it. */
async function writeNarration(packDir: string, baseName: string, rendered: readonly RenderedLine[]): Promise<{ narration: EncodedAudio; lines: Record<string, NarrationLine> }> {
  const sprite = packSprite(
    rendered.map((line) => line.pcm),
    spriteGapSeconds,
  );
  const narration = await writeEncoded(packDir, baseName, sprite.pcm, 'voice');
  const lines: Record<string, NarrationLine> = {};
  rendered.forEach((line, index) => {
    const clip = sprite.clips[index];
    if (clip) lines[line.key] = { ...clip, text: line.text, ...(line.take ? { take: line.take } : {}) };
  });
  return { narration, lines };
}

async function readCurrentManifest(packDir: string, inputsSha256: string): Promise<SessionManifest | undefined> {
  const text = await readFile(join(packDir, 'manifest.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  // An older pack may have another format; read it loosely before trusting it.
  const manifest = JSON.parse(text) as Omit<SessionManifest, 'format'> & { format: number };
  if (manifest.format !== sessionManifestFormat || manifest.inputsSha256 !== inputsSha256 || manifest.voice !== voiceId) return undefined;
  const present = new Set(await readdir(packDir));
  const files = [manifest.narration, ...Object.values(manifest.narrators ?? {}).map((other) => other.narration)].flatMap(encodedFiles);
  return files.every((file) => present.has(file.path)) ? { ...manifest, format: sessionManifestFormat } : undefined;
}
