import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packFormat, type AmbienceLoop, type CommonManifest } from '../engine/pack-manifest';
import { ambienceKinds, type AmbienceKind } from '../engine/script-model';
import { cueSounds, type CueSound } from '../engine/timeline';
import { ambienceAudio } from './ambience-file';
import { mixToMono, type Pcm } from '../speech/pcm';
import { resample } from '../speech/resample';
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

/**
 * The sounds every session shares: bell, tap, breath tones and words as one sprite, and per
 * ambience one file with its seamless bed and its separate sounds. Rebuilt only when the recipe or the voice changed.
 */
export async function compileCommon(commonDir: string, lines: LineRenderer, force = false): Promise<CommonManifest> {
  const existing = force ? undefined : await readCurrentCommon(commonDir);
  if (existing) return existing;
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
  };
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
