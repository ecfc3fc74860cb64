/** Durations and clock readings in seconds: Web Audio's unit, and the engine's. */
export type Seconds = number;

/** Durations in milliseconds: Howler's sprite unit. Convert only at the audio boundary. */
export type Milliseconds = number;

/** Session lengths as authors write them. */
export type Minutes = number;

export const secondsToMilliseconds = (seconds: Seconds): Milliseconds => seconds * 1000;
export const minutesToSeconds = (minutes: Minutes): Seconds => minutes * 60;
