import { ambienceScatter, driftLevels, scatterEvents } from './ambience-scatter';
import { seedOf } from './seeded-random';
import type { TimelineEvent } from './timeline';
import type { Seconds } from './units';

/**
 * What the engine adds over each stretch of ambience (from the end of its fade in to the next
 * ambience change or the session's end): its separate sounds at seeded times, and a slow seeded
 * drift of the bed's level (glides to the same ambience), so neither the events nor the bed's swells
 * repeat with its loop. Each stretch has its own seed, made from the session's seed and the
 * stretch's place in the plan, so the same session always sounds the same.
 */
export function ambienceEventsOf(sorted: readonly TimelineEvent[], duration: Seconds, seed: string): TimelineEvent[] {
  const changes = sorted.filter((event) => event.kind === 'ambience');
  return changes.flatMap((change, index) => {
    if (!change.ambience || change.volume <= 0) return [];
    const ambience = change.ambience;
    const from = change.at + change.fade;
    const until = changes[index + 1]?.at ?? duration;
    const stretchSeed = `${seed}/${String(index)}/${ambience}`;
    const drift = driftLevels(seedOf(`${stretchSeed}/drift`), from, until).map(
      (level): TimelineEvent => ({ kind: 'ambience', at: level.at, ambience, volume: change.volume * level.gain, fade: level.glide }),
    );
    const scatter = ambienceScatter[ambience];
    const events = scatter
      ? scatterEvents(scatter, seedOf(stretchSeed), from, until).map(
          (event): TimelineEvent => ({ kind: 'ambience-event', at: event.at, ambience, variant: event.variant, pan: event.pan, volume: change.volume * event.level }),
        )
      : [];
    return [...drift, ...events];
  });
}
