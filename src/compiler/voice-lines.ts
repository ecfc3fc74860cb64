import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lineKey } from '../engine/line-key';
import { defaultNarrator, narratorIds, type NarratorId } from '../engine/narrators';
import { sha256 } from './hash';
import { linePaceOf } from '../speech/line-pace';
import { shapeNarration } from '../speech/narration-shape';
import { mixToMono, type Pcm } from '../speech/pcm';
import { spokenForm, type Lexicon } from '../speech/respell';
import { decodeWav, encodeWav } from '../speech/wav';
import type { Speaker } from './render/speech';
import { narratorVoiceId, narratorVoices, voiceId, type NarratorVoice } from './voice';

export interface LineSource {
  readonly text: string;
  /** A recorded take (path relative to the scripts folder) that replaces the synthesized voice. */
  readonly take?: string;
}

export interface RenderedLine {
  /** The line's key in the plan: the same for every narrator. */
  readonly key: string;
  readonly text: string;
  readonly pcm: Pcm;
  readonly take?: string;
  /** False when the line came from the cache. */
  readonly rendered: boolean;
}

export interface LineRenderer {
  /** Everything rendering depends on besides a line's text: every narrator's voice and the lexicon. */
  readonly recipe: string;
  render(line: LineSource, narrator?: NarratorId): Promise<RenderedLine>;
}

/** Everything rendering depends on besides a line's text: every narrator's voice and the lexicon. */
export function renderRecipe(lexicon: Lexicon): string {
  return JSON.stringify({ narrators: narratorIds.map(narratorVoiceId), lexicon: lexicon.entries });
}

/**
 * Renders narration lines in each narrator's voice, read through the lexicon, paced for calm and
 * shaped for meditation. Each rendering is cached under a name made of the narrator, what the
 * engine reads and the pace (and a take's own hash), so an unchanged line is never rendered again.
 */
export function createLineRenderer(speaker: (voice: NarratorVoice) => Promise<Speaker>, scriptsDir: string, cacheDir: string, lexicon: Lexicon = { entries: [] }): LineRenderer {
  const speakers = new Map<NarratorId, Promise<Speaker>>();
  const speakerOf = (narrator: NarratorId): Promise<Speaker> => {
    let ready = speakers.get(narrator);
    if (!ready) {
      ready = speaker(narratorVoices[narrator]);
      speakers.set(narrator, ready);
    }
    return ready;
  };
  return {
    recipe: renderRecipe(lexicon),
    async render({ text, take }, narrator = defaultNarrator) {
      const key = lineKey(text, voiceId);
      const base = { key, text, ...(take === undefined ? {} : { take }) };
      const takeBytes = take === undefined ? undefined : await readFile(join(scriptsDir, take));
      const form = spokenForm(text, lexicon, narratorVoices[narrator].engine === 'festival');
      const pace = linePaceOf(text);
      const spokenKey = lineKey(JSON.stringify({ form, pace }), narratorVoiceId(narrator));
      const cacheName = takeBytes ? `${key}-take-${sha256(takeBytes).slice(0, 12)}` : `${narrator}-${spokenKey}`;
      const cachePath = join(cacheDir, `${cacheName}.wav`);
      const cached = await readFile(cachePath).catch(() => undefined);
      if (cached) return { ...base, pcm: decodeWav(cached), rendered: false };
      const raw = takeBytes ? mixToMono(decodeWav(takeBytes)) : await (await speakerOf(narrator)).speak(form, pace);
      const pcm = shapeNarration(raw);
      await mkdir(cacheDir, { recursive: true });
      await writeFile(cachePath, encodeWav(pcm));
      return { ...base, pcm, rendered: true };
    },
  };
}
