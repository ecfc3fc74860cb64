import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runCompiler(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/compiler/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run audio -- --check', () => {
  it('prints every problem as FILE:LINE:COLUMN: message and exits with 1', () => {
    const result = runCompiler('--check', 'test/fixtures/scripts/many-problems.yaml', 'test/fixtures/scripts/syntax-error.yaml');
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('test/'));
    expect(lines.length).toBeGreaterThanOrEqual(20);
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/scripts\/[a-z-]+\.yaml:\d+:\d+: \S/u);
    expect(result.stderr).toContain('test/fixtures/scripts/syntax-error.yaml:6:1: this is not valid YAML');
    expect(result.stdout).toContain('0 of 2 script(s) valid.');
  });

  it('reports what a session says, located at the words, like any other problem', () => {
    const result = runCompiler('--check', 'test/fixtures/scripts/content-promises.yaml', 'audio-scripts/letter.yaml');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('test/fixtures/scripts/content-promises.yaml:9:3: "Nothing here can hurt" promises a cure or safety');
    expect(result.stdout).toContain('1 of 2 script(s) valid.');
  });

  it('exits with 0 for valid scripts', () => {
    const result = runCompiler('--check', 'audio-scripts/safe-space.yaml', 'audio-scripts/letter.yaml');
    expect(result.stderr.split('\n').filter((line) => line.includes(': '))).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 of 2 script(s) valid.');
  });

  it('refuses a recorded take whose path climbs out of audio-scripts/, at its place', () => {
    const result = runCompiler('--check', 'test/fixtures/scripts/escaping-take.yaml');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'test/fixtures/scripts/escaping-take.yaml:10:11: the recorded take "../../../../etc/passwd" climbs out with ".."; write a path inside audio-scripts/, like takes/welcome.wav',
    );
    expect(result.stdout).toContain('0 of 1 script(s) valid.');
  });

  it('names a file that cannot be read', () => {
    const result = runCompiler('--check', 'audio-scripts/no-such-session.yaml');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('audio-scripts/no-such-session.yaml:1:1: the file must be readable: there is no file with this name');
  });

  it('rejects stray arguments with its usage', () => {
    const result = runCompiler('audio-scripts/safe-space.yaml');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage:');
  });
});
