import type { Pcm } from '../../speech/pcm';
import { pcmFrames } from '../../speech/pcm';

/**
 * Cuts `loopFrames` from the start of `pcm` so it plays seamlessly on repeat. The `crossfadeFrames`
 * that follow the loop are faded (equal power) into its head: the loop's first sample is then the
 * one that followed its last, so the wrap is as continuous as every other step in the audio.
 * `pcm` must hold at least `loopFrames + crossfadeFrames` frames.
 */
export function makeSeamlessLoop(pcm: Pcm, loopFrames: number, crossfadeFrames: number): Pcm {
  if (!Number.isInteger(loopFrames) || loopFrames < 1) {
    throw new RangeError(`loopFrames must be a positive integer, got ${loopFrames}`);
  }
  if (!Number.isInteger(crossfadeFrames) || crossfadeFrames < 0 || crossfadeFrames > loopFrames) {
    throw new RangeError(`crossfadeFrames must be an integer from 0 to loopFrames, got ${crossfadeFrames}`);
  }
  if (pcmFrames(pcm) < loopFrames + crossfadeFrames) {
    throw new RangeError(`need ${loopFrames + crossfadeFrames} frames to make the loop, got ${pcmFrames(pcm)}`);
  }
  const channels = pcm.channels.map((source) => {
    const loop = source.slice(0, loopFrames);
    for (let index = 0; index < crossfadeFrames; index += 1) {
      const angle = (Math.PI / 2) * (index / crossfadeFrames);
      const head = source[index] ?? 0;
      const tail = source[loopFrames + index] ?? 0;
      loop[index] = head * Math.sin(angle) + tail * Math.cos(angle);
    }
    return loop;
  });
  return { sampleRate: pcm.sampleRate, channels };
}
