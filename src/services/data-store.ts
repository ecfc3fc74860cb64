import { Connection, type StorageNotice } from '../storage/database';
import { StorageError } from '../storage/storage-error';
import { databaseName as defaultDatabaseName, type LullDatabase } from '../storage/schema';
import { DataChannel, type DataMessage, type WritingChange } from './data-channel';
import { storagePersistence } from './storage-persistence';

export type { WritingChange };

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

/** What subscribers hear: a notice for the person, or that the data was replaced wholesale (here or in another window). */
export type DataChange = 'notice' | 'imported' | 'deleted';

type Listener = (change: DataChange) => void;
type WritingListener = (change: WritingChange) => void;

/**
 * The page's connection to the person's data, and what others should hear about it: notices
 * from other tabs (an upgrade waiting, this tab closed for one), "the data changed", and which
 * entries and letters other windows saved or deleted.
 */
export class DataStore {
  /** The latest notice for the person, if any. */
  notice: string | undefined;
  private readonly connection: Connection;
  private readonly channel: DataChannel;
  private readonly listeners = new Set<Listener>();
  private readonly writingListeners = new Set<WritingListener>();
  private stopHearing: (() => void) | undefined;

  constructor(readonly databaseName?: string) {
    this.connection = new Connection({
      name: databaseName,
      onNotice: (notice) => {
        this.notice = noticeMessages[notice];
        this.notify('notice');
      },
    });
    this.channel = new DataChannel(`lull-data:${databaseName ?? defaultDatabaseName}`);
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

  /** Tells every subscriber on this page what changed; an import or a delete is told to other windows too. */
  notify(change: DataChange): void {
    for (const listener of this.listeners) listener(change);
    if (change !== 'notice') this.channel.post({ type: change });
  }

  /** Tells other windows that an entry or letter was saved or deleted here. */
  announce(change: WritingChange): void {
    this.channel.post(change);
  }

  /** Calls `listener` on every change, here or in another window; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    return this.listen(this.listeners, listener);
  }

  /** Calls `listener` when another window saves or deletes an entry or letter; returns the unsubscribe function. */
  subscribeToWritings(listener: WritingListener): () => void {
    return this.listen(this.writingListeners, listener);
  }

  /** Adds a listener; the page hears other windows as long as one listens. */
  private listen<L>(listeners: Set<L>, listener: L): () => void {
    listeners.add(listener);
    this.stopHearing ??= this.channel.listen(this.hear);
    return () => {
      listeners.delete(listener);
      if (this.listeners.size > 0 || this.writingListeners.size > 0) return;
      this.stopHearing?.();
      this.stopHearing = undefined;
    };
  }

  private readonly hear = (message: DataMessage): void => {
    if (message.type === 'imported' || message.type === 'deleted') {
      for (const listener of this.listeners) listener(message.type);
    } else for (const listener of this.writingListeners) listener(message);
  };
}
