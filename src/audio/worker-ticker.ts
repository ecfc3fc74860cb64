/** Calls `onTick` every `intervalMs` from a worker timer, which hidden tabs do not throttle. */
export class WorkerTicker {
  private readonly worker = new Worker(new URL('./tick-worker.ts', import.meta.url), { type: 'module' });

  constructor(onTick: () => void, intervalMs = 250) {
    this.worker.addEventListener('message', onTick);
    this.worker.postMessage({ intervalMs });
  }

  dispose(): void {
    this.worker.postMessage('stop');
    this.worker.terminate();
  }
}
