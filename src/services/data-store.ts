import { Connection, type StorageNotice } from '../storage/database';
import { StorageError } from '../storage/storage-error';
import type { LullDatabase } from '../storage/schema';
import { storagePersistence } from './storage-persistence';

const noticeMessages: Readonly<Record<StorageNotice, string>> = {
  'upgrade-blocked': 'Lull is updating how it keeps your data. Please close Lull’s other tabs or windows so it can finish.',
  'closed-for-upgrade': 'Lull was updated in another tab, so this tab has stopped saving. Reload this tab to continue; everything already saved is safe.',
  'deleted-elsewhere': 'Your data was deleted from another Lull tab.',
};

/** A failure as the person reads it, and whether it is a full disk (which offers "Export now"). */
export interface Failure {
  readonly message: string;
  readonly storageFull: boolean;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof StorageError) return { message: error.message, storageFull: error.code === 'quota-exceeded' };
  return { message: `Something went wrong: ${error instanceof Error ? error.message : 'an unknown error'}.`, storageFull: false };
}

/** What subscribers hear: a notice for the person, or that the data was replaced wholesale. */
export type DataChange = 'notice' | 'imported' | 'deleted';

type Listener = (change: DataChange) => void;

/**
 * The page's connection to the person's data, and what others should hear about it: notices
 * from other tabs (an upgrade waiting, this tab closed for one) and "the data changed".
 */
export class DataStore {
  /** The latest notice for the person, if any. */
  notice: string | undefined;
  private readonly connection: Connection;
  private readonly listeners = new Set<Listener>();

  constructor(readonly databaseName?: string) {
    this.connection = new Connection({
      name: databaseName,
      onNotice: (notice) => {
        this.notice = noticeMessages[notice];
        this.notify('notice');
      },
    });
  }

  /**
   * Browsers may clear an unpersisted site's storage (Safari after 7 days without a visit): ask
   * once, after the person first saves something of their own.
   */
  askForPersistence(): void {
    void storagePersistence.ensure();
  }

  run<T>(work: (db: LullDatabase) => Promise<T>): Promise<T> {
    return this.connection.run(work);
  }

  /** Closes the connection (the next `run` reopens it). */
  close(): Promise<void> {
    return this.connection.close();
  }

  /** Tells every subscriber what changed. */
  notify(change: DataChange): void {
    for (const listener of this.listeners) listener(change);
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
