import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DataServices } from '../../services/data-services';
import type { DataServicesLoader } from '../../services/data-context';
import type { DataChange, WritingChange } from '../../services/data-store';

export interface DataControllerOptions {
  /** The loader the host received from `dataContext` (read when the host connects). */
  readonly loader: () => DataServicesLoader;
  /** Called once the services are loaded, and again each time the host reconnects. */
  readonly ready: (services: DataServices) => void;
  /** Called when data was imported or deleted elsewhere on the page, or in another window. */
  readonly changed?: (change: DataChange) => void;
  /** Called when another window saved or deleted a journal entry or letter. */
  readonly writings?: (change: WritingChange) => void;
}

/**
 * Loads the data services for a screen and owns its subscriptions to their changes and
 * notices (another tab's upgrade, this tab closed for one), and to other windows' writing.
 */
export class DataController implements ReactiveController {
  services: DataServices | undefined;
  /** What the person should know about other tabs, if anything. */
  notice: string | undefined;
  /** Set when the data code itself could not be loaded. */
  failure: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private unsubscribeWritings: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DataControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    void this.connect();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.unsubscribeWritings?.();
    this.unsubscribeWritings = undefined;
  }

  private async connect(): Promise<void> {
    let services: DataServices;
    try {
      services = await this.options.loader()();
    } catch {
      this.failure = 'Lull could not load the part that keeps your data. Reload the page to try again.';
      this.host.requestUpdate();
      return;
    }
    if (!this.connected || this.unsubscribe) return;
    this.services = services;
    this.notice = services.store.notice;
    this.unsubscribe = services.store.subscribe((change) => {
      this.notice = services.store.notice;
      this.host.requestUpdate();
      if (change !== 'notice') this.options.changed?.(change);
    });
    const { writings } = this.options;
    if (writings) this.unsubscribeWritings = services.store.subscribeToWritings(writings);
    this.host.requestUpdate();
    this.options.ready(services);
  }
}
