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
