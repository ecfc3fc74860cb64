import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packFormat, type AmbienceLoop, type CommonManifest, type Respelling } from '../engine/pack-manifest';
import { ambienceKinds, type AmbienceKind } from '../engine/script-model';
import { cueSounds, type CueSound } from '../engine/timeline';
import { ambienceAudio } from './ambience-file';
import { mixToMono, type Pcm } from '../speech/pcm';
import { resample } from '../speech/resample';
import type { Lexicon } from '../speech/respell';
import { packSprite } from './sprite';
import { synthBell } from './synth/bell';
import { synthBreathTone } from './synth/breath-tone';
import { synthTap } from './synth/tap';
import type { LineRenderer } from './voice-lines';
import { voiceId } from './voice';
import { encodedFiles, writeEncoded } from './write-encoded';

/** Change this whenever a synthesizer changes, so every pack's shared sounds are rebuilt. */
export const commonRecipe = 'cues-2/ambience-3';

const cueSampleRate = 48_000;

/** The words the voice cue says at each breath phase. */
const breathWords: Record<'word-inhale' | 'word-hold' | 'word-exhale', string> = {
  'word-inhale': 'Breathe in.',
  'word-hold': 'Hold.',
  'word-exhale': 'And out.',
};

/** The lexicon's respellings, for the narrator the app speaks with on the device (Flite reads no phonemes). */
export function respellingsOf(lexicon: Lexicon): Respelling[] {
  return lexicon.entries.flatMap((entry) => (entry.respell === undefined ? [] : [{ say: entry.say, respell: entry.respell }]));
}

/**
 * The sounds every session shares: bell, tap, breath tones and words as one sprite, and per
 * ambience one file with its seamless bed and its separate sounds, and the lexicon's respellings.
 * The sounds are rebuilt only when the recipe or the voice changed; new respellings alone rewrite
 * only the manifest.
 */
export async function compileCommon(commonDir: string, lines: LineRenderer, lexicon: Lexicon, force = false): Promise<CommonManifest> {
  const respellings = respellingsOf(lexicon);
  const existing = force ? undefined : await readCurrentCommon(commonDir);
  if (existing) {
    if (JSON.stringify(existing.respellings) === JSON.stringify(respellings)) return existing;
    return writeCommonManifest(commonDir, { ...existing, respellings });
  }
  await rm(commonDir, { recursive: true, force: true });
  await mkdir(commonDir, { recursive: true });

  const clips = new Map<CueSound, Pcm>();
  for (const sound of cueSounds) clips.set(sound, await cueClip(sound, lines));
  const sprite = packSprite(
    cueSounds.map((sound) => clips.get(sound) ?? synthTap(cueSampleRate)),
    0.4,
  );
  const cueAudio = await writeEncoded(commonDir, 'cues', sprite.pcm, 'cues');
  const cueClips = Object.fromEntries(cueSounds.map((sound, index) => [sound, sprite.clips[index]])) as CommonManifest['cues']['clips'];

  const ambience = {} as Record<AmbienceKind, AmbienceLoop>;
  for (const kind of ambienceKinds) {
    const { pcm, manifest: loop } = ambienceAudio(kind, cueSampleRate);
    ambience[kind] = { audio: await writeEncoded(commonDir, `ambience-${kind}`, pcm, 'ambience'), ...loop };
  }
  const manifest: CommonManifest = {
    format: packFormat,
    voice: voiceId,
    recipe: commonRecipe,
    cues: { audio: cueAudio, clips: cueClips },
    ambience,
    respellings,
  };
  return writeCommonManifest(commonDir, manifest);
}

async function writeCommonManifest(commonDir: string, manifest: CommonManifest): Promise<CommonManifest> {
  await writeFile(join(commonDir, 'common.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function cueClip(sound: CueSound, lines: LineRenderer): Promise<Pcm> {
  switch (sound) {
    case 'bell':
      return synthBell(cueSampleRate);
    case 'tap':
      return synthTap(cueSampleRate);
    case 'tone-inhale':
      return synthBreathTone('inhale', cueSampleRate);
    case 'tone-hold':
      return synthBreathTone('hold', cueSampleRate);
    case 'tone-exhale':
      return synthBreathTone('exhale', cueSampleRate);
    case 'word-inhale':
    case 'word-hold':
    case 'word-exhale': {
      const { pcm } = await lines.render({ text: breathWords[sound] });
      return resample(mixToMono(pcm), cueSampleRate);
    }
  }
}

async function readCurrentCommon(commonDir: string): Promise<CommonManifest | undefined> {
  const text = await readFile(join(commonDir, 'common.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  // An older pack may have another format; read it loosely before trusting it.
  const manifest = JSON.parse(text) as Omit<CommonManifest, 'format'> & { format: number };
  if (manifest.format !== packFormat || manifest.recipe !== commonRecipe || manifest.voice !== voiceId) return undefined;
  const present = new Set(await readdir(commonDir));
  const files = [...encodedFiles(manifest.cues.audio), ...Object.values(manifest.ambience).flatMap((loop) => encodedFiles(loop.audio))];
  return files.every((file) => present.has(file.path)) ? { ...manifest, format: packFormat } : undefined;
}
