import { existsSync } from 'node:fs';
import { findOnPath } from '../../../bench/timing/requirements';

export interface RequiredProgram {
  /** An absolute path, or a command looked up on PATH. */
  readonly path: string;
  readonly aptPackage: string;
  readonly role: string;
}

/** Fails with one message naming every missing program and how to install it; an engine is never skipped. */
export function requirePrograms(engine: string, programs: readonly RequiredProgram[]): void {
  const missing = programs.filter(({ path }) => (path.startsWith('/') ? !existsSync(path) : findOnPath(path) === undefined));
  if (missing.length === 0) return;
  const lines = missing.map(({ path, aptPackage, role }) => `  ${path} (${role}): Debian package ${aptPackage}`);
  throw new Error(
    `The ${engine} tests need programs that are not installed:\n${lines.join('\n')}\n` +
      `Install them with: apt-get update && apt-get install -y ${[...new Set(missing.map(({ aptPackage }) => aptPackage))].join(' ')}`,
  );
}
