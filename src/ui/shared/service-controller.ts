import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A page service that says when it changed; `subscribe` returns the unsubscribe function. */
export interface Observable {
  subscribe(listener: () => void): () => void;
}

/**
 * Gives an element a service and re-renders the element whenever the service changes, subscribed
 * only while the element is connected.
 */
export class ServiceController<S extends Observable> implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly service: S,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = this.service.subscribe(() => {
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
