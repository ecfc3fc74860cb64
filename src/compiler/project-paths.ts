import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root, wherever the compiler is started from. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const scriptsDir = join(projectRoot, 'audio-scripts');
/** How the narrators say the words they would get wrong (see audio-scripts/README.md). */
export const lexiconFileName = 'lexicon.yaml';
export const lexiconPath = join(scriptsDir, lexiconFileName);
export const packsDir = join(projectRoot, 'public', 'packs');
export const voiceCacheDir = join(projectRoot, '.cache', 'voice');
