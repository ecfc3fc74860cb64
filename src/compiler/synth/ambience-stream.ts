/** What an ambience renderer is asked for: a continuous stream, longer than the loop cut from it. */
export interface AmbienceStream {
  readonly sampleRate: number;
  /** Frames in one loop. Slow modulations complete whole cycles in exactly this many frames. */
  readonly loopFrames: number;
  /** Frames to render: the loop, then the tail that is crossfaded into the loop's head. */
  readonly frames: number;
  readonly random: () => number;
}

const prerollSeconds = 0.5;

/**
 * Renderers run their filters this many frames before frame 0 and discard the output, so the
 * stream starts already settled instead of rising from silence.
 */
export const prerollFrames = (sampleRate: number): number => Math.round(prerollSeconds * sampleRate);

/** How many whole cycles of a modulation near `periodSeconds` fit the loop (at least one). */
export function cyclesPerLoop(stream: AmbienceStream, periodSeconds: number): number {
  return Math.max(1, Math.round(stream.loopFrames / stream.sampleRate / periodSeconds));
}

/** A sine LFO with `cycles` whole cycles per loop, so it lines up with itself at the seam. */
export function loopSine(stream: AmbienceStream, frame: number, cycles: number, phase = 0): number {
  return Math.sin((2 * Math.PI * cycles * frame) / stream.loopFrames + phase);
}

/**
 * A smooth random curve from −1 to 1 that repeats only once per loop: random values at about
 * every `knotSeconds`, joined by cosine steps, the last knot leading back into the first. Unlike
 * a sine it has no period of its own that a person could hear returning.
 */
export function loopWander(stream: AmbienceStream, knotSeconds: number): (frame: number) => number {
  const knots = cyclesPerLoop(stream, knotSeconds);
  const values = Array.from({ length: knots }, () => 2 * stream.random() - 1);
  return (frame) => {
    const position = ((((frame / stream.loopFrames) * knots) % knots) + knots) % knots;
    const index = Math.floor(position);
    const before = values[index] ?? 0;
    const after = values[(index + 1) % knots] ?? 0;
    const ease = 0.5 - 0.5 * Math.cos(Math.PI * (position - index));
    return before + (after - before) * ease;
  };
}
