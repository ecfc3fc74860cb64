// `npm run bench`: measures what the quality bars name, prints it, and appends it to the history.
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchCompile } from './compile-bench';

const historyFile = 'test/bench/history.jsonl';

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const compile = await benchCompile();
console.log('Compile (npm run audio), per session:');
console.table(compile);

const record = { date: new Date().toISOString(), commit: currentCommit(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, node: process.version, compile };
appendFileSync(historyFile, `${JSON.stringify(record)}\n`);
console.log(`Appended to ${historyFile}.`);
