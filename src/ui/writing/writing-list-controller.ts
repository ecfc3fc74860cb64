import type { ReactiveControllerHost } from 'lit';
import type { DataServicesLoader } from '../../services/data-context';
import type { DataServices } from '../../services/data-services';
import { describeFailure } from '../../services/data-store';
import type { DraftCore, Writing, WritingService, WritingStore } from '../../services/writing-service';
import { DataController } from '../shared/data-controller';

export type SavedList<T> = { readonly status: 'loading' } | { readonly status: 'ready'; readonly items: readonly T[] } | { readonly status: 'failed'; readonly message: string };

/** What the screen's editor offers its host: finishing (true once saved) and pointing at a problem. */
export interface FinishingEditor {
  finish(): Promise<boolean>;
  showProblem(): Promise<void>;
}

export interface WritingListOptions<S extends WritingStore, D extends DraftCore> {
  /** The loader the host received from `dataContext`. */
  readonly loader: () => DataServicesLoader;
  /** Journal entries or letters. */
  readonly service: (services: DataServices) => WritingService<S, D>;
}

/**
 * The one flow of the journal and the letters screens: the list of what the person wrote
 * (reloaded when data changes on this page or another window saves or deletes one), a new one or
 * an existing one in the editor, Done (which closes the editor only once everything is saved),
 * and deleting one only after the person confirmed, saying so plainly when that fails.
 */
export class WritingListController<S extends WritingStore, D extends DraftCore> {
  list: SavedList<Writing<S>> = { status: 'loading' };
  /** What the editor is open on, if anything. */
  editing: D | undefined;
  /** The item whose deletion is being confirmed. */
  confirmingDelete: string | undefined;
  /** A failed deletion, in words. */
  problem: string | undefined;
  readonly data: DataController;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: WritingListOptions<S, D>,
  ) {
    this.data = new DataController(host, {
      loader: options.loader,
      ready: () => void this.reload(),
      changed: () => void this.reload(),
      // While the editor is open the list is not shown; Done reloads it.
      writings: (change) => {
        if (!this.editing && change.store === this.service?.kind.store) void this.reload();
      },
    });
  }

  private get service(): WritingService<S, D> | undefined {
    const services = this.data.services;
    return services && this.options.service(services);
  }

  /** Loads the list again; calls made while it loads are folded into one more load after it. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = this.load().finally(() => {
      this.reloading = undefined;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  private async load(): Promise<void> {
    const service = this.service;
    if (!service) return;
    try {
      this.list = { status: 'ready', items: await service.list() };
    } catch (error) {
      this.list = { status: 'failed', message: describeFailure(error).message };
    }
    this.host.requestUpdate();
  }

  /** Opens the editor on a new, empty one; false before the data is loaded. */
  startNew(): boolean {
    const service = this.service;
    if (!service) return false;
    this.editing = service.newDraft();
    this.host.requestUpdate();
    return true;
  }

  /** Opens the editor on a stored one, at its revision. */
  edit(item: Writing<S>): void {
    const service = this.service;
    if (!service) return;
    this.editing = service.kind.toDraft(item);
    this.host.requestUpdate();
  }

  /**
   * Saves what the editor holds and closes it, with the list reloaded first so it never shows
   * without what was just written. A failed save keeps the editor open with its message and
   * what to do about it (on a full disk, "Export now"): resolves false then.
   */
  async done(editor: FinishingEditor | null | undefined): Promise<boolean> {
    if (editor && !(await editor.finish())) {
      await editor.showProblem();
      return false;
    }
    await this.reload();
    this.editing = undefined;
    this.host.requestUpdate();
    return true;
  }

  /** Moves focus, once the host has rendered, to what `find` returns. */
  async focusAfterUpdate(find: () => HTMLElement | null | undefined): Promise<void> {
    await this.host.updateComplete;
    find()?.focus();
  }

  askToDelete(id: string | undefined): void {
    this.confirmingDelete = id;
    this.host.requestUpdate();
  }

  /** Deletes the item and reloads the list; false (with `problem` set) when it could not. */
  async delete(id: string): Promise<boolean> {
    const service = this.service;
    if (!service) return false;
    this.problem = undefined;
    try {
      await service.delete(id);
      this.confirmingDelete = undefined;
      await this.reload();
      return true;
    } catch (error) {
      this.problem = `The ${service.kind.noun} was not deleted: ${describeFailure(error).message}`;
      this.host.requestUpdate();
      return false;
    }
  }
}
