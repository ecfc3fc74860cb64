import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves the production build, with its real headers, for every browser test. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  chromiumPath();
  if (!existsSync('dist/index.html')) {
    throw new Error('There is no build to test: run "npm run build" first (npm test does this for you).');
  }
  const server = await preview({ preview: { port: 0, strictPort: false, open: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address.');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
