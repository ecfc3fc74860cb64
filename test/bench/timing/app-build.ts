import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Builds the production app into `outDir` (never the shared `dist/`, which others rebuild) and
 * adds the bench packs under `/packs/`, replacing the shared sounds with the ones compiled
 * alongside them.
 */
export function buildAppWithPacks(outDir: string, packsDir: string): void {
  buildApp(outDir);
  cpSync(packsDir, join(outDir, 'packs'), { recursive: true, force: true });
}

/** Builds the production app, with the shipped packs, into `outDir`. */
export function buildApp(outDir: string): void {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
