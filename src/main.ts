import { startOfflineSupport } from './services/app-update';
import './ui/shell/lull-app';

// The service worker exists only in a production build (`npm run build`).
if (import.meta.env.PROD) {
  startOfflineSupport();
  // Once the app shell is kept offline, so is what the break and the pacer need to play.
  if ('serviceWorker' in navigator) {
    void navigator.serviceWorker.ready
      .then(() => import('./services/offline-core'))
      .then(({ keepOfflineCore }) => keepOfflineCore())
      .catch(() => undefined);
  }
}
