import type { Page } from 'playwright-core';

/** One `AudioBufferSourceNode.start()` call as the page made it. */
export interface StartCall {
  readonly when: number;
  readonly offset: number;
  readonly duration: number;
  /** The audio clock when `start` was called. */
  readonly calledAt: number;
  readonly loop: boolean;
  readonly bufferDuration: number;
}

declare global {
  interface Window {
    lullStarts?: StartCall[];
  }
}

/** Records every sound the page starts, with the exact times it asked for. */
export async function recordAudioStarts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const starts: StartCall[] = [];
    window.lullStarts = starts;
    const prototype = AudioBufferSourceNode.prototype;
    const original = Object.getOwnPropertyDescriptor(prototype, 'start')?.value as (this: AudioBufferSourceNode, when?: number, offset?: number, duration?: number) => void;
    prototype.start = function start(this: AudioBufferSourceNode, when = 0, offset = 0, duration = Number.NaN) {
      starts.push({ when, offset, duration, calledAt: this.context.currentTime, loop: this.loop, bufferDuration: this.buffer?.duration ?? 0 });
      original.call(this, when, offset, Number.isNaN(duration) ? undefined : duration);
    };
  });
}

export async function audioStarts(page: Page): Promise<StartCall[]> {
  return page.evaluate(() => window.lullStarts ?? []);
}
