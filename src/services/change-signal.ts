/**
 * "This changed": the platform's EventTarget with one event. Listeners that throw are reported by
 * the browser and do not stop the others; `subscribe` hands back its own unsubscribe.
 */
export class ChangeSignal {
  private readonly target = new EventTarget();

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.target.addEventListener('change', listener);
    return () => {
      this.target.removeEventListener('change', listener);
    };
  }

  notify(): void {
    this.target.dispatchEvent(new Event('change'));
  }
}
