import type { SourceLocation } from '../../engine/script-model';

/**
 * Where a phrase found in a text stands in the script's source: the first match of `pattern`
 * after `key:` at or past `from`. Patterns join their words with `\s+`, so a phrase folded over
 * two lines of YAML is found too. When it is not in the text's own lines (an escaped character,
 * say), the location of the key, or `from` itself.
 */
export function locateMatch(source: string, from: SourceLocation, key: string, pattern: RegExp): SourceLocation {
  const starts = lineStarts(source);
  const start = (starts[from.line - 1] ?? 0) + from.column - 1;
  // Keys are plain words joined by hyphens ("content-note"): nothing in them needs escaping.
  const keyPattern = new RegExp(`(?<![\\w-])${key}\\s*:`, 'gu');
  keyPattern.lastIndex = start;
  const keyMatch = keyPattern.exec(source);
  if (!keyMatch) return from;
  const textStart = keyMatch.index + keyMatch[0].length;
  // The text ends where the next key of the YAML begins on a line of its own.
  const nextKey = /\n[ \t]*(?:- )?[\w-]+[ \t]*:/gu;
  nextKey.lastIndex = textStart;
  const textEnd = nextKey.exec(source)?.index ?? source.length;
  const search = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  search.lastIndex = textStart;
  const found = search.exec(source);
  return locationOf(starts, found && found.index < textEnd ? found.index : keyMatch.index);
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf('\n'); index !== -1; index = source.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

function locationOf(starts: readonly number[], offset: number): SourceLocation {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line += 1;
  return { line: line + 1, column: offset - (starts[line] ?? 0) + 1 };
}
