import { expect } from 'vitest';

/**
 * `expect.poll` with room for a real browser on a busy 2-core machine: lazy chunks, service
 * worker installs and audio decoding can take seconds. Still fails when the value never comes.
 */
export function eventually<T>(read: () => T | Promise<T>, timeout = 10_000) {
  return expect.poll(read, { timeout, interval: 50 });
}
