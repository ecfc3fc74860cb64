import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root, wherever the compiler is started from. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const scriptsDir = join(projectRoot, 'audio-scripts');
export const packsDir = join(projectRoot, 'public', 'packs');
export const voiceCacheDir = join(projectRoot, '.cache', 'voice');
