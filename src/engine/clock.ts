import type { Seconds } from './units';

/** Where time comes from: the audio clock in the app, a manual clock in tests. Never a global. */
export interface Clock {
  now(): Seconds;
}

/** A clock tests move by hand: a 30-minute session runs in milliseconds. */
export class ManualClock implements Clock {
  constructor(private time: Seconds = 0) {}

  now(): Seconds {
    return this.time;
  }

  advance(seconds: Seconds): void {
    this.time += seconds;
  }
}
