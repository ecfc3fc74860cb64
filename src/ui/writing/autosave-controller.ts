import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { busyState } from '../../services/busy-state';
import { describeFailure, type Failure } from '../../services/data-store';

export type AutosaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'failed'; readonly failure: Failure };

/** How long typing must pause before a save starts. */
export const autosaveDelayMs = 500;

/**
 * The longest a change waits for that pause: typing that never stops is still saved this often,
 * which leaves the save itself a second to reach the disk and keeps anything typed more than
 * 2 s ago safe from a crash.
 */
export const autosaveCeilingMs = 1000;

/**
 * Saves a value while the person types: after a pause, at the latest a ceiling after the first
 * unsaved change, and at once when the page is hidden or closed, or the editor goes away. One
 * save runs at a time; the newest value always wins. The page counts as busy (no reload for an
 * update) from the first change until a save has confirmed the latest one.
 */
export class AutosaveController<T> implements ReactiveController {
  status: AutosaveStatus = { kind: 'idle' };
  private pending: { value: T } | undefined;
  private saving = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Runs from the first change not yet being saved; typing does not push it back. */
  private ceiling: ReturnType<typeof setTimeout> | undefined;
  private releaseBusy: (() => void) | undefined;
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly save: (value: T) => Promise<void>,
    private readonly delayMs = autosaveDelayMs,
    private readonly ceilingMs = autosaveCeilingMs,
  ) {
    host.addController(this);
  }

  /** True while a change is not yet confirmed on disk. */
  get unsaved(): boolean {
    return this.pending !== undefined || this.saving;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    window.removeEventListener('pagehide', this.onPageHide);
    this.flush();
    clearTimeout(this.ceiling);
    this.ceiling = undefined;
  }

  /** Records a change; it is saved after a pause in typing, or once the ceiling is reached. */
  edit(value: T): void {
    this.pending = { value };
    this.releaseBusy ??= busyState.hold('draft');
    this.setStatus({ kind: 'saving' });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.flush();
    }, this.delayMs);
    this.ceiling ??= setTimeout(() => {
      this.ceiling = undefined;
      this.flush();
    }, this.ceilingMs);
  }

  /** Saves the latest change now (or right after the save in progress). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.saving || !this.pending) return;
    clearTimeout(this.ceiling);
    this.ceiling = undefined;
    const { value } = this.pending;
    this.pending = undefined;
    this.saving = true;
    if (this.status.kind !== 'saving') this.setStatus({ kind: 'saving' });
    this.save(value).then(
      () => {
        this.saving = false;
        if (this.pending) {
          this.flush();
          return;
        }
        this.releaseBusy?.();
        this.releaseBusy = undefined;
        this.setStatus({ kind: 'saved' });
      },
      (error: unknown) => {
        this.saving = false;
        // Keep the unsaved value: the next edit, "Try again" or hiding the page saves it.
        this.pending ??= { value };
        this.setStatus({ kind: 'failed', failure: describeFailure(error) });
      },
    );
  }

  /** Saves now and waits until the latest change is saved (true), or a save failed (false). */
  async settle(): Promise<boolean> {
    this.flush();
    if (this.unsaved) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return !this.unsaved;
  }

  private setStatus(status: AutosaveStatus): void {
    this.status = status;
    this.host.requestUpdate();
    if (status.kind === 'saved' || status.kind === 'failed') for (const resolve of this.waiters.splice(0)) resolve();
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  private readonly onPageHide = (): void => {
    this.flush();
  };
}
