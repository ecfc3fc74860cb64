/**
 * What must not be interrupted right now: a playing session, a running recording, a draft not
 * yet saved. An app update waits until nothing is busy; so does anything else that would reload.
 */
export type BusyReason = 'session' | 'recording' | 'draft';

type Listener = (busy: boolean) => void;

export class BusyState {
  private readonly holds = new Map<symbol, BusyReason>();
  private readonly listeners = new Set<Listener>();

  /** Marks something busy until the returned function is called (calling it twice is harmless). */
  hold(reason: BusyReason): () => void {
    const token = Symbol(reason);
    this.holds.set(token, reason);
    this.notify();
    return () => {
      if (this.holds.delete(token)) this.notify();
    };
  }

  get busy(): boolean {
    return this.holds.size > 0;
  }

  get reasons(): BusyReason[] {
    return [...new Set(this.holds.values())];
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.busy);
  }
}

/** The page's one busy state: one page, one set of things not to interrupt. */
export const busyState = new BusyState();
