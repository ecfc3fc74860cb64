import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { voiceId } from './voice';

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** Everything a session pack is made from: its script, the voices and lexicon (`recipe`), and the recorded takes it uses. */
export async function packInputsHash(source: string, takePaths: readonly string[], scriptsDir: string, recipe: string): Promise<string> {
  const hash = createHash('sha256').update(voiceId).update('\0').update(recipe).update('\0').update(source);
  for (const path of [...takePaths].sort()) {
    hash.update('\0').update(path).update('\0').update(await readFile(join(scriptsDir, path)));
  }
  return hash.digest('hex');
}
