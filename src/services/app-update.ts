import { registerServiceWorker, type ServiceWorkerHandle } from '../offline/register-service-worker';
import { busyState } from './busy-state';
import { UpdateOffer } from './update-offer';

let serviceWorker: ServiceWorkerHandle | undefined;

/** The page's one update offer, held back by the page's one busy state. */
export const appUpdate = new UpdateOffer(busyState, {
  activate: () => {
    serviceWorker?.activate();
  },
  reload: () => {
    location.reload();
  },
});

/**
 * Registers the service worker (app shell offline, downloads served from the cache) and, each
 * time the person comes back to the app, asks whether a newer version has been deployed.
 */
export function startOfflineSupport(): void {
  if (serviceWorker || !('serviceWorker' in navigator)) return;
  serviceWorker = registerServiceWorker({
    onWaiting: () => {
      appUpdate.offer();
    },
    onNewController: () => {
      appUpdate.controlled();
    },
  });
  // Lives as long as the page: an installed app can stay open for days.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void serviceWorker?.checkForUpdate();
  });
}
