/**
 * Calls `onTick` every `intervalMs` from a worker timer, which hidden tabs do not throttle, while
 * it runs; it starts stopped, so nothing wakes the page while nothing plays.
 */
export class WorkerTicker {
  private readonly worker = new Worker(new URL('./tick-worker.ts', import.meta.url), { type: 'module' });
  private running = false;

  constructor(
    onTick: () => void,
    private readonly intervalMs = 250,
  ) {
    this.worker.addEventListener('message', onTick);
  }

  /** Ticks while `run` is true. */
  set(run: boolean): void {
    if (run === this.running) return;
    this.running = run;
    this.worker.postMessage(run ? { intervalMs: this.intervalMs } : 'stop');
  }

  dispose(): void {
    this.worker.postMessage('stop');
    this.worker.terminate();
  }
}
