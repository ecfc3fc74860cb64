import { appendFileSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export const historyFile = 'test/bench/history.jsonl';

/**
 * The checked-out commit, short, read from `.git` directly (a loose ref or `packed-refs`), so a
 * benchmark never has to start git; `unknown` outside a repository.
 */
export function currentCommit(): string {
  try {
    const head = readFileSync('.git/HEAD', 'utf8').trim();
    const ref = /^ref: (.+)$/u.exec(head)?.[1];
    if (!ref) return head.slice(0, 7);
    return readFileSync(`.git/${ref}`, 'utf8').trim().slice(0, 7);
  } catch {
    return packedRef() ?? 'unknown';
  }
}

function packedRef(): string | undefined {
  try {
    const head = readFileSync('.git/HEAD', 'utf8').trim().replace(/^ref: /u, '');
    const line = readFileSync('.git/packed-refs', 'utf8')
      .split('\n')
      .find((entry) => entry.endsWith(` ${head}`));
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
