import { startOfflineSupport } from './services/app-update';
import './ui/lull-app';

// The service worker exists only in a production build (`npm run build`).
if (import.meta.env.PROD) startOfflineSupport();
