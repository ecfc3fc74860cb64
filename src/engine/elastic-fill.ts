import type { Seconds } from './units';

/** Something whose duration can grow between `min` and `max`, in steps of `quantum` (0 = any amount). */
export interface Stretchable {
  readonly min: Seconds;
  readonly max: Seconds;
  readonly weight: number;
  readonly quantum: Seconds;
}

const epsilon = 1e-9;

/**
 * Shares `available` extra seconds among the items in proportion to their weights, never past an
 * item's max, and in whole quanta where an item has one. Returns each item's duration. Whatever
 * cannot be placed is left out, so the sum may fall short of min + available.
 */
export function fillElastic(items: readonly Stretchable[], available: Seconds): Seconds[] {
  const durations = items.map((item) => item.min);
  let rest = share(items, durations, Math.max(0, available), () => true);
  items.forEach((item, index) => {
    if (item.quantum <= 0) return;
    const grown = (durations[index] ?? 0) - item.min;
    const whole = Math.floor(grown / item.quantum + epsilon) * item.quantum;
    rest += grown - whole;
    durations[index] = item.min + whole;
  });
  rest = share(items, durations, rest, (item) => item.quantum <= 0);
  // Continuous items are full: round one quantized item up and give the overshoot back from them.
  const continuous = items.flatMap((item, index) => (item.quantum <= 0 ? [index] : []));
  const slack = (): Seconds => continuous.reduce((sum, index) => sum + (durations[index] ?? 0) - (items[index]?.min ?? 0), 0);
  while (rest > epsilon) {
    const growable = items.findIndex((item, index) => item.quantum > 0 && (durations[index] ?? 0) + item.quantum <= item.max + epsilon);
    if (growable < 0) break;
    const quantum = items[growable]?.quantum ?? 0;
    const overshoot = quantum - rest;
    if (overshoot <= 0) {
      durations[growable] = (durations[growable] ?? 0) + quantum;
      rest -= quantum;
      continue;
    }
    const available = slack();
    if (overshoot > available + epsilon) break;
    durations[growable] = (durations[growable] ?? 0) + quantum;
    for (const index of continuous) {
      const current = durations[index] ?? 0;
      durations[index] = current - (overshoot * (current - (items[index]?.min ?? 0))) / available;
    }
    rest = 0;
  }
  return durations;
}

/** Water-filling: repeatedly split what is left among items that still have room. */
function share(
  items: readonly Stretchable[],
  durations: Seconds[],
  amount: Seconds,
  eligible: (item: Stretchable) => boolean,
): Seconds {
  let rest = amount;
  for (let round = 0; round < items.length + 1 && rest > epsilon; round += 1) {
    const open = items
      .map((item, index) => ({ item, index }))
      .filter(({ item, index }) => eligible(item) && item.weight > 0 && (durations[index] ?? 0) < item.max - epsilon);
    const totalWeight = open.reduce((sum, { item }) => sum + item.weight, 0);
    if (totalWeight <= 0) break;
    let placed = 0;
    for (const { item, index } of open) {
      const current = durations[index] ?? 0;
      const grow = Math.min(item.max - current, (rest * item.weight) / totalWeight);
      durations[index] = current + grow;
      placed += grow;
    }
    rest -= placed;
  }
  return rest;
}
