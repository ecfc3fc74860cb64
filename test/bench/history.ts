import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus } from 'node:os';

export const historyFile = 'test/bench/history.jsonl';

/**
 * The checked-out commit, short, read from the git directory directly (a loose ref or
 * `packed-refs`; in a worktree `.git` is a file naming its own git directory, whose refs live in
 * the main one), so a benchmark never has to start git; `unknown` outside a repository.
 */
export function currentCommit(): string {
  try {
    const gitDir = readGitDir();
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    const ref = /^ref: (.+)$/u.exec(head)?.[1];
    if (!ref) return head.slice(0, 7);
    const commonDir = existsSync(join(gitDir, 'commondir')) ? resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim()) : gitDir;
    for (const dir of [gitDir, commonDir]) {
      if (existsSync(join(dir, ref))) return readFileSync(join(dir, ref), 'utf8').trim().slice(0, 7);
    }
    return packedRef(commonDir, ref) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function readGitDir(): string {
  if (statSync('.git').isDirectory()) return '.git';
  const pointer = /^gitdir: (.+)$/mu.exec(readFileSync('.git', 'utf8'))?.[1];
  if (!pointer) throw new Error('.git names no git directory.');
  return resolve(pointer.trim());
}

function packedRef(dir: string, ref: string): string | undefined {
  try {
    const line = readFileSync(join(dir, 'packed-refs'), 'utf8')
      .split('\n')
      .find((entry) => entry.endsWith(` ${ref}`));
    return line?.slice(0, 7);
  } catch {
    return undefined;
  }
}

/** Appends one record (one benchmark run) to the history, with where and on what it ran. */
export function appendHistory(figures: Readonly<Record<string, unknown>>): void {
  const record = { date: new Date().toISOString(), commit: currentCommit(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, node: process.version, ...figures };
  appendFileSync(historyFile, `${JSON.stringify(record)}\n`);
  console.log(`Appended to ${historyFile}.`);
}
