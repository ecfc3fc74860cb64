import type { ReactiveControllerHost } from 'lit';
import type { DataServicesLoader } from '../services/data-context';
import type { DataServices } from '../services/data-services';
import { describeFailure } from '../services/data-store';
import { DataController } from './data-controller';

export type SavedList<T> = { readonly status: 'loading' } | { readonly status: 'ready'; readonly items: readonly T[] } | { readonly status: 'failed'; readonly message: string };

export interface SavedListOptions<T> {
  /** The loader the host received from `dataContext`. */
  readonly loader: () => DataServicesLoader;
  readonly list: (services: DataServices) => Promise<T[]>;
  readonly remove: (services: DataServices, id: string) => Promise<void>;
  /** What one item is called in a message: "entry", "letter". */
  readonly noun: string;
}

/**
 * A screen's list of things the person wrote (journal entries, letters): loads it, reloads it
 * when data changes elsewhere on the page, and deletes one only after the person confirmed,
 * saying so plainly when that fails.
 */
export class SavedListController<T extends { readonly id: string }> {
  list: SavedList<T> = { status: 'loading' };
  /** The item whose deletion is being confirmed. */
  confirmingDelete: string | undefined;
  /** A failed deletion, in words. */
  problem: string | undefined;
  readonly data: DataController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SavedListOptions<T>,
  ) {
    this.data = new DataController(host, {
      loader: options.loader,
      ready: () => void this.reload(),
      changed: () => void this.reload(),
    });
  }

  async reload(): Promise<void> {
    const services = this.data.services;
    if (!services) return;
    try {
      this.list = { status: 'ready', items: await this.options.list(services) };
    } catch (error) {
      this.list = { status: 'failed', message: describeFailure(error).message };
    }
    this.host.requestUpdate();
  }

  askToDelete(id: string | undefined): void {
    this.confirmingDelete = id;
    this.host.requestUpdate();
  }

  /** Deletes the item and reloads the list; false (with `problem` set) when it could not. */
  async delete(id: string): Promise<boolean> {
    const services = this.data.services;
    if (!services) return false;
    this.problem = undefined;
    try {
      await this.options.remove(services, id);
      this.confirmingDelete = undefined;
      await this.reload();
      return true;
    } catch (error) {
      this.problem = `The ${this.options.noun} was not deleted: ${describeFailure(error).message}`;
      this.host.requestUpdate();
      return false;
    }
  }
}
