/**
 * A small seeded pseudo-random generator (mulberry32) returning values in [0, 1). The same seed
 * always gives the same sequence, so every synthesized sound and every scattered ambience event
 * is reproducible.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a text (FNV-1a): the same text always gives the same seed. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A seed for one listen of a session: the ambience's separate sounds (waves, birds, drops) fall
 * at other times each time the person opens it, and stay put while it is open (a change of
 * length or choice keeps them). `random` is `Math.random` in the app; a test gives its own.
 */
export function listenSeed(scriptId: string, random: () => number = Math.random): string {
  return `${scriptId}/${Math.floor(random() * 0x1_0000_0000).toString(16)}`;
}
