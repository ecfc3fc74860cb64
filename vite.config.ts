import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './src/offline/service-worker-build.ts';
import { securityHeaders } from './src/security-headers.ts';

export default defineConfig({
  root: 'src',
  publicDir: '../public',
  plugins: [serviceWorkerPlugin()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // Packs are fetched on demand; keep them out of the inlined-asset path.
    assetsInlineLimit: 0,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: securityHeaders },
  server: { headers: securityHeaders },
});
