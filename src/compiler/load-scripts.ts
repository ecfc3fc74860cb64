import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkScript } from '../engine/check-script';
import { scriptProblem, type ScriptProblem, type UnreadableReason } from '../engine/script-problem';
import type { Script } from '../engine/script-model';
import { checkContent } from './content/check-content';
import { lexiconFileName, projectRoot } from './project-paths';
import { findTakeFile } from './take-file';

export interface LoadedScript {
  readonly script: Script;
  readonly source: string;
}

export interface LoadResult {
  readonly scripts: LoadedScript[];
  readonly problems: ScriptProblem[];
}

/** The session scripts in a folder: every `.yaml` file but the lexicon, in name order. */
export async function listScriptFiles(scriptsDir: string): Promise<string[]> {
  const names = await readdir(scriptsDir);
  return names.filter((name) => name.endsWith('.yaml') && name !== lexiconFileName).sort().map((name) => join(scriptsDir, name));
}

export interface LoadOptions {
  /** Check what the session says as well as its format (see `checkContent`); on unless turned off. */
  readonly content?: boolean;
}

/** Reads and checks scripts; problems name each file relative to the project, as a person typed it. */
export async function loadScripts(paths: readonly string[], scriptsDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const scripts: LoadedScript[] = [];
  const problems: ScriptProblem[] = [];
  const owners = new Map<string, string>();
  for (const path of paths) {
    const file = relative(projectRoot, path) || path;
    const source = await readFile(path, 'utf8').catch((error: unknown) => {
      problems.push(scriptProblem('unreadable-file', file, { line: 1, column: 1 }, unreadableReason(error)));
      return undefined;
    });
    if (source === undefined) continue;
    const checked = checkScript(file, source, { findTake: (take) => findTakeFile(scriptsDir, take) });
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const said = options.content === false ? [] : checkContent(checked.script, source);
    if (said.length > 0) {
      problems.push(...said);
      continue;
    }
    const owner = owners.get(checked.script.id);
    if (owner) {
      problems.push(scriptProblem('unknown-value', file, locateId(source), 'id', checked.script.id, `an id not already used by ${owner}`));
      continue;
    }
    owners.set(checked.script.id, file);
    scripts.push({ script: checked.script, source });
  }
  return { scripts, problems };
}

/** The system's error code in plain words; the error's own text names paths and internals. */
function unreadableReason(error: unknown): UnreadableReason {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'missing';
    case 'EISDIR':
      return 'folder';
    case 'EACCES':
    case 'EPERM':
      return 'denied';
    default:
      return 'other';
  }
}

function locateId(source: string): { line: number; column: number } {
  const index = source.split('\n').findIndex((line) => /^id\s*:/u.test(line));
  return { line: index + 1 || 1, column: 1 };
}
