import type { BusyReason, BusyState } from './busy-state';

/**
 * - `none`: this is the newest version.
 * - `ready`: a new version is installed and offered; nothing happens until the person accepts.
 * - `accepted`: accepted, waiting for what is busy (a session, a recording, a draft) to finish.
 * - `applying`: the new version is activating; the page reloads once it controls the page.
 */
export type UpdatePhase = 'none' | 'ready' | 'accepted' | 'applying';

export interface UpdateActions {
  /** Asks the waiting service worker to activate (Workbox's `messageSkipWaiting`). */
  activate(): void;
  reload(): void;
}

type Listener = () => void;

/**
 * The rules of an app update: it is offered, applied only after the person accepts, and never
 * while something is busy; the page reloads only once the new version controls it.
 */
export class UpdateOffer {
  private current: UpdatePhase = 'none';
  /** Set when the new version already controls the page (another tab applied it): only a reload is left. */
  private active = false;
  private reloading = false;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly busy: Pick<BusyState, 'busy' | 'reasons' | 'subscribe'>,
    private readonly actions: UpdateActions,
  ) {
    busy.subscribe(() => {
      this.proceed();
      this.notify();
    });
  }

  get phase(): UpdatePhase {
    return this.current;
  }

  /**
   * Another window applied the update: the new version controls this page, which still runs the
   * old code (the service worker keeps that code's files for it) until it loads anew.
   */
  get appliedElsewhere(): boolean {
    return this.active && this.current === 'ready';
  }

  /**
   * Whether the next change of screen should load the page anew, in the new version: it already
   * controls the page and nothing here is busy. A change of screen is when a page load surprises
   * no one, and the screen the person opens then runs the new version.
   */
  get reloadsOnNavigation(): boolean {
    return this.active && !this.busy.busy;
  }

  /** What the update is waiting for; empty when it could be applied now. */
  get waitingFor(): BusyReason[] {
    return this.busy.reasons;
  }

  /** A new version is installed and waiting. */
  offer(): void {
    if (this.current !== 'none') return;
    this.current = 'ready';
    this.notify();
  }

  /** The person said yes: apply now, or as soon as nothing is busy. */
  accept(): void {
    if (this.current !== 'ready') return;
    this.current = 'accepted';
    this.proceed();
    this.notify();
  }

  /** A new service worker took control of this page. */
  controlled(): void {
    this.active = true;
    if (this.current === 'none') this.current = 'ready';
    this.proceed();
    this.notify();
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private proceed(): void {
    if (this.busy.busy) return;
    if (this.current === 'accepted') {
      this.current = 'applying';
      if (!this.active) this.actions.activate();
    }
    if (this.current === 'applying' && this.active && !this.reloading) {
      this.reloading = true;
      this.actions.reload();
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
