import { deleteDB, openDB } from 'idb';
import { migrate } from './migrations';
import { databaseName, schemaVersion, type LullDatabase, type LullSchema } from './schema';
import { isConnectionLost, storageError, toStorageError } from './storage-error';

/** For what a person wrote, imports, migrations and deletes: committed to disk before `done`. */
export const strict = { durability: 'strict' } as const;

/** What another tab did to this tab's connection, for the person to be told. */
export type StorageNotice = 'upgrade-blocked' | 'closed-for-upgrade' | 'deleted-elsewhere';

export interface OpenOptions {
  readonly name?: string;
  /** Tests open older versions to build fixtures; the app always opens `schemaVersion`. */
  readonly version?: number;
  readonly onNotice?: (notice: StorageNotice) => void;
  /** Called when the connection is closed from outside: another tab's upgrade or delete, or the browser. */
  readonly onClose?: () => void;
}

/**
 * Opens the database, migrating it forward if it is older. A newer database (from a newer build)
 * is refused with "please update" and left as it is. When another tab upgrades or deletes the
 * database, this connection closes itself so that tab is not blocked.
 */
export async function openLullDatabase(options: OpenOptions = {}): Promise<LullDatabase> {
  const version = options.version ?? schemaVersion;
  let opened: LullDatabase | undefined;
  let migrationError: Error | undefined;
  try {
    opened = await openDB<LullSchema>(options.name ?? databaseName, version, {
      upgrade(db, oldVersion, newVersion, transaction) {
        // A failed migration aborts this transaction; the open's own rejection reports it.
        transaction.done.catch(() => undefined);
        migrate(db, oldVersion, newVersion ?? version, transaction).catch((error: unknown) => {
          migrationError = error instanceof Error ? error : new Error('an unexpected failure');
          try {
            transaction.abort();
          } catch {
            // Already finished: the open fails on its own.
          }
        });
      },
      blocked() {
        options.onNotice?.('upgrade-blocked');
      },
      blocking(_currentVersion, blockedVersion) {
        opened?.close();
        options.onClose?.();
        options.onNotice?.(blockedVersion === null ? 'deleted-elsewhere' : 'closed-for-upgrade');
      },
      terminated() {
        options.onClose?.();
      },
    });
    return opened;
  } catch (error) {
    if (migrationError !== undefined) {
      throw storageError('migration-failed', migrationError.message);
    }
    throw toStorageError(error);
  }
}

/** Deletes the whole database; resolves once it is gone (other tabs close theirs on request). */
export async function deleteLullDatabase(name = databaseName, onBlocked?: () => void): Promise<void> {
  try {
    await deleteDB(name, { blocked: onBlocked });
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * One lazily opened connection that survives being dropped: a call that meets a closing
 * connection (Safari, background tabs) reopens it and runs once more, then gives up clearly.
 */
export class Connection {
  private opening: Promise<LullDatabase> | undefined;

  constructor(private readonly options: OpenOptions = {}) {}

  /** Runs `work` with an open database. `work` must be safe to run twice (puts by id are). */
  async run<T>(work: (db: LullDatabase) => Promise<T>): Promise<T> {
    try {
      return await work(await this.database());
    } catch (error) {
      if (!isConnectionLost(error)) throw toStorageError(error);
      await this.close();
    }
    try {
      return await work(await this.database());
    } catch (error) {
      throw isConnectionLost(error) ? storageError('connection-lost') : toStorageError(error);
    }
  }

  /** Closes the connection; the next `run` opens a new one. */
  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = undefined;
    const db = await opening?.catch(() => undefined);
    db?.close();
  }

  private database(): Promise<LullDatabase> {
    if (!this.opening) {
      const opening = openLullDatabase({
        ...this.options,
        onClose: () => {
          if (this.opening === opening) this.opening = undefined;
          this.options.onClose?.();
        },
      });
      this.opening = opening;
      opening.catch(() => {
        if (this.opening === opening) this.opening = undefined;
      });
    }
    return this.opening;
  }
}
