import { formatLimitBytes } from './limits-text';

/** Every way a backup file can be wrong, each with the sentence a person reads. */
const messages = {
  'too-large': (bytes: number, limit: number) => `the file is ${formatLimitBytes(bytes)}; a Lull backup can be at most ${formatLimitBytes(limit)}`,
  'empty': () => 'the file is empty',
  'not-json': () => 'the file is damaged or cut off, so Lull cannot read it',
  'too-deep': (limit: number, position: number) => `the data is nested more than ${limit} levels deep (at character ${position}); a Lull backup never is`,
  'not-backup': () => 'this file is not a Lull backup',
  'newer-format': (version: number, supported: number) =>
    `this backup was made by a newer version of Lull (backup format ${version}; this version reads up to ${supported}). Update Lull, then import it again`,
  'wrong-type': (expected: string) => `must be ${expected}`,
  'unknown-key': (allowed: string) => `is not a field Lull knows here; the fields are: ${allowed}`,
  'forbidden-key': () => 'is a name a backup may never use',
  'missing-key': () => 'is missing',
  'too-many': (limit: number) => `must be a list of at most ${limit} items`,
  'duplicate': (key: string, first: string) => `repeats the ${key} of ${first}`,
  'too-many-problems': (limit: number) => `there are more problems; these are the first ${limit}`,
} as const;

export type BackupProblemCode = keyof typeof messages;
export type BackupProblemArgs<C extends BackupProblemCode> = Parameters<(typeof messages)[C]>;

/** One problem with an import, located by its path in the file (`journal[3].text`), or the whole file. */
export interface BackupProblem {
  readonly code: BackupProblemCode;
  /** Empty for the file as a whole. */
  readonly at: string;
  readonly message: string;
}

export function backupProblem<C extends BackupProblemCode>(code: C, at: string, ...args: BackupProblemArgs<C>): BackupProblem {
  const describe = messages[code] as (...values: BackupProblemArgs<C>) => string;
  const text = describe(...args);
  return { code, at, message: at ? `${at}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1) + '.' };
}
