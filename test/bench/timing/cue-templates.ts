import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { CommonManifest } from '../../../src/engine/pack-manifest';
import type { CueSound } from '../../../src/engine/timeline';
import { MatchedFilter } from './matched-filter';
import { outputSampleRate } from './pulse-server';

/**
 * One matched filter per cue sound, made from the very file the page plays: the cue sprite
 * (WebM/Opus, as Chromium picks it) decoded by ffmpeg at the output rate and cut out with the
 * sprite map, as `WebAudioPort` plays it with `start(when, clip.start, clip.duration)`.
 */
export function cueFilters(common: CommonManifest, commonDir: string): Map<CueSound, MatchedFilter> {
  const decoded = execFileSync('ffmpeg', ['-v', 'error', '-i', join(commonDir, common.cues.audio.webm.path), '-f', 'f32le', '-ac', '1', '-ar', String(outputSampleRate), 'pipe:1'], {
    maxBuffer: 512 * 1024 * 1024,
  });
  const sprite = new Float32Array(decoded.buffer, decoded.byteOffset, Math.floor(decoded.length / 4));
  const filters = new Map<CueSound, MatchedFilter>();
  for (const [sound, clip] of Object.entries(common.cues.clips) as [CueSound, { start: number; duration: number }][]) {
    const start = Math.round(clip.start * outputSampleRate);
    const end = Math.min(sprite.length, start + Math.round(clip.duration * outputSampleRate));
    filters.set(sound, new MatchedFilter(sprite.slice(start, end)));
  }
  return filters;
}
