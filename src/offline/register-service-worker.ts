import { Workbox } from 'workbox-window';

export interface ServiceWorkerEvents {
  /** A new version is installed and waits for this page's word to activate. */
  onWaiting(): void;
  /** A new version took control of this page, which was already controlled by an older one. */
  onNewController(): void;
}

export interface ServiceWorkerHandle {
  /** Asks the waiting version to activate; the service worker never does so on its own. */
  activate(): void;
  /** Asks the server whether there is a newer version (quietly does nothing offline). */
  checkForUpdate(): Promise<void>;
}

/** Registers `/sw.js` after the page has loaded, through workbox-window. */
export function registerServiceWorker(events: ServiceWorkerEvents): ServiceWorkerHandle {
  const workbox = new Workbox('/sw.js', { scope: '/', updateViaCache: 'none' });
  // The first service worker claims a page that had none; that is an install, not an update.
  let controlled = Boolean(navigator.serviceWorker.controller);
  workbox.addEventListener('waiting', () => {
    events.onWaiting();
  });
  workbox.addEventListener('controlling', () => {
    if (controlled) events.onNewController();
    controlled = true;
  });
  void workbox.register().catch(() => undefined);
  return {
    activate: () => {
      workbox.messageSkipWaiting();
    },
    checkForUpdate: () => workbox.update().catch(() => undefined),
  };
}
