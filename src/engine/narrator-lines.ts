import type { SpriteClip } from './pack-manifest';
import type { Seconds } from './units';

/** A line's time in the plan: the longest any narrator takes to say it, so every narrator fits the one plan. */
export function planLineSeconds(narrations: readonly Readonly<Record<string, SpriteClip>>[], key: string): Seconds | undefined {
  const durations = narrations.flatMap((lines) => {
    const clip = lines[key];
    return clip ? [clip.duration] : [];
  });
  return durations.length > 0 ? Math.max(...durations) : undefined;
}
