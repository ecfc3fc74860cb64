import { ChangeSignal } from './change-signal';

/**
 * What must not be interrupted right now: a playing session, a running recording, a draft not
 * yet saved. An app update waits until nothing is busy; so does anything else that would reload.
 */
export type BusyReason = 'session' | 'recording' | 'draft';

export class BusyState {
  private readonly holds = new Map<symbol, BusyReason>();
  private readonly changes = new ChangeSignal();

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
  subscribe(listener: (busy: boolean) => void): () => void {
    return this.changes.subscribe(() => {
      listener(this.busy);
    });
  }

  private notify(): void {
    this.changes.notify();
  }
}

/** The page's one busy state: one page, one set of things not to interrupt. */
export const busyState = new BusyState();
