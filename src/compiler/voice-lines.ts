import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lineKey } from '../engine/line-key';
import { splitSentences } from '../engine/speech-estimate';
import { joinWithSilence, mixToMono, type Pcm } from './pcm';
import { sha256 } from './hash';
import { resample } from './render/resample';
import type { Speaker } from './render/speech';
import { shapeVoice } from './render/voice-shaping';
import { decodeWav, encodeWav } from './render/wav';
import { narrationSampleRate, sentenceRestSeconds, voiceId, voiceSettings } from './voice';

export interface LineSource {
  readonly text: string;
  /** A recorded take (path relative to the scripts folder) that replaces the synthesized voice. */
  readonly take?: string;
}

export interface RenderedLine {
  readonly key: string;
  readonly text: string;
  readonly pcm: Pcm;
  readonly take?: string;
  /** False when the line came from the cache. */
  readonly rendered: boolean;
}

export interface LineRenderer {
  render(line: LineSource): Promise<RenderedLine>;
}

/**
 * Renders narration lines, shaped for meditation, keeping each one in a cache named by its content
 * key (and the take's own hash), so a line that did not change is never rendered again.
 */
/** Sentences are spoken one by one with a rest between them: calmer than a slower voice. */
async function speakCalmly(speaker: Speaker, text: string): Promise<Pcm> {
  const parts: Pcm[] = [];
  for (const sentence of splitSentences(text)) parts.push(await speaker.speak(sentence, voiceSettings));
  return joinWithSilence(parts, sentenceRestSeconds);
}

export function createLineRenderer(speaker: () => Promise<Speaker>, scriptsDir: string, cacheDir: string): LineRenderer {
  let speakerReady: Promise<Speaker> | undefined;
  return {
    async render({ text, take }) {
      const key = lineKey(text, voiceId);
      const takeBytes = take === undefined ? undefined : await readFile(join(scriptsDir, take));
      const cacheName = takeBytes ? `${key}-take-${sha256(takeBytes).slice(0, 12)}` : key;
      const cachePath = join(cacheDir, `${cacheName}.wav`);
      const cached = await readFile(cachePath).catch(() => undefined);
      const base = { key, text, ...(take === undefined ? {} : { take }) };
      if (cached) return { ...base, pcm: decodeWav(cached), rendered: false };
      const raw = takeBytes ? mixToMono(decodeWav(takeBytes)) : await speakCalmly(await (speakerReady ??= speaker()), text);
      const pcm = shapeVoice(resample(raw, narrationSampleRate));
      await mkdir(cacheDir, { recursive: true });
      await writeFile(cachePath, encodeWav(pcm));
      return { ...base, pcm, rendered: true };
    },
  };
}
