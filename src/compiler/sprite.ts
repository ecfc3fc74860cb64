import type { SpriteClip } from '../engine/pack-manifest';
import { pcmFrames, silentPcm, type Pcm } from '../speech/pcm';

/**
 * Lays clips end to end with silence between them (and before the first), so a codec's
 * priming and its smearing across frame edges never reach a neighbouring clip.
 */
export function packSprite(clips: readonly Pcm[], gapSeconds: number): { pcm: Pcm; clips: SpriteClip[] } {
  const first = clips[0];
  if (!first) throw new Error('A sprite needs at least one clip.');
  const { sampleRate } = first;
  const channelCount = first.channels.length;
  for (const clip of clips) {
    if (clip.sampleRate !== sampleRate || clip.channels.length !== channelCount) {
      throw new Error(`Sprite clips must share one format: ${sampleRate} Hz × ${channelCount}, got ${clip.sampleRate} Hz × ${clip.channels.length}.`);
    }
  }
  const gap = Math.round(gapSeconds * sampleRate);
  const total = clips.reduce((frames, clip) => frames + pcmFrames(clip) + gap, gap);
  const sprite = silentPcm(sampleRate, total, channelCount);
  const placed: SpriteClip[] = [];
  let cursor = gap;
  for (const clip of clips) {
    clip.channels.forEach((channel, index) => sprite.channels[index]?.set(channel, cursor));
    placed.push({ start: cursor / sampleRate, duration: pcmFrames(clip) / sampleRate });
    cursor += pcmFrames(clip) + gap;
  }
  return { pcm: sprite, clips: placed };
}
