import { ChangeSignal } from './change-signal';

/**
 * Whether the browser keeps Lull's storage for good. Without that promise a browser may clear it
 * (Safari after seven days of use without a visit, unless the app is installed; any browser
 * under storage pressure), so the person is asked for it once they have saved words of their
 * own, and told how to keep them where it is refused.
 */
export type PersistenceState = 'unknown' | 'kept' | 'at-risk';

export class StoragePersistence {
  state: PersistenceState = 'unknown';
  private asked: Promise<void> | undefined;
  private readonly changes = new ChangeSignal();

  constructor(private readonly storage: StorageManager | undefined) {}

  /** Asks the browser to keep the storage (once per page); the answer is `state`. */
  ensure(): Promise<void> {
    this.asked ??= this.ask();
    return this.asked;
  }

  subscribe(listener: () => void): () => void {
    return this.changes.subscribe(listener);
  }

  private async ask(): Promise<void> {
    let kept = false;
    try {
      kept = this.storage !== undefined && ((await this.storage.persisted()) || (await this.storage.persist()));
    } catch {
      // A browser that cannot answer gives no promise either.
    }
    this.state = kept ? 'kept' : 'at-risk';
    this.changes.notify();
  }
}

/** The page's one view of it. */
export const storagePersistence = new StoragePersistence(typeof navigator !== 'undefined' && 'storage' in navigator ? navigator.storage : undefined);
