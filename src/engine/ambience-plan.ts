import { ambienceScatter, scatterEvents } from './ambience-scatter';
import { seedOf } from './seeded-random';
import type { TimelineEvent } from './timeline';
import type { Seconds } from './units';

/**
 * The separate ambience sounds a plan plays: for each stretch of ambience (from the end of its
 * fade in to the next ambience change or the session's end), its events at seeded times. Each
 * stretch has its own seed, made from the session's seed and the stretch's place in the plan, so
 * the same session always sounds the same and no two stretches repeat each other.
 */
export function ambienceEventsOf(sorted: readonly TimelineEvent[], duration: Seconds, seed: string): TimelineEvent[] {
  const changes = sorted.filter((event) => event.kind === 'ambience');
  return changes.flatMap((change, index) => {
    const scatter = change.ambience ? ambienceScatter[change.ambience] : undefined;
    if (!change.ambience || !scatter || change.volume <= 0) return [];
    const ambience = change.ambience;
    const until = changes[index + 1]?.at ?? duration;
    return scatterEvents(scatter, seedOf(`${seed}/${String(index)}/${ambience}`), change.at + change.fade, until).map(
      (event): TimelineEvent => ({ kind: 'ambience-event', at: event.at, ambience, variant: event.variant, pan: event.pan, volume: change.volume * event.level }),
    );
  });
}
