import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { TakeState } from '../engine/validate-script';

/**
 * Where a recorded take is on disk, links followed: a file inside the scripts folder, no such
 * file, or a link that leads out of the folder. The script's text was already held to a plain
 * relative path; this catches what only the disk knows.
 */
export function findTakeFile(scriptsDir: string, take: string): TakeState {
  let real: string;
  try {
    real = realpathSync(join(scriptsDir, take));
  } catch {
    return 'missing';
  }
  const inside = relative(realpathSync(scriptsDir), real);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return 'outside';
  return statSync(real).isFile() ? 'present' : 'missing';
}
