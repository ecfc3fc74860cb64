import type { TakePathFault } from './script-problem';

/**
 * Why a recorded take's path could reach outside the scripts folder or name no WAV file, or
 * `undefined` when it is a plain relative path like `takes/welcome.wav`. Only the text is judged;
 * the compiler also follows links on disk.
 */
export function takePathFault(path: string): TakePathFault | undefined {
  if (path.startsWith('/')) return 'absolute';
  if (path.includes('\\')) return 'backslash';
  const parts = path.split('/');
  if (parts.includes('..')) return 'climbs';
  if (!/^[A-Za-z0-9._/-]+$/u.test(path)) return 'characters';
  if (parts.some((part) => part === '' || part.startsWith('.'))) return 'hidden-part';
  if (!/\.wav$/iu.test(path)) return 'not-wav';
  return undefined;
}
