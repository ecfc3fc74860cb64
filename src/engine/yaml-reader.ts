import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { scriptProblem, type MessageArgs, type ScriptProblem, type ScriptProblemCode } from './script-problem';
import type { SourceLocation } from './script-model';


/** Reads YAML nodes into typed values, recording a located problem for every mismatch instead of throwing. */
export class YamlReader {
  readonly problems: ScriptProblem[] = [];

  constructor(
    readonly file: string,
    /** Fed by the YAML parser with where each line starts. */
    readonly lines: LineCounter,
  ) {}

  locate(node: Node | null | undefined): SourceLocation {
    const offset = node?.range?.[0];
    return offset === undefined ? { line: 1, column: 1 } : this.position(offset);
  }

  position(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  report<C extends ScriptProblemCode>(code: C, at: SourceLocation, ...args: MessageArgs<C>): void {
    this.problems.push(scriptProblem(code, this.file, at, ...args));
  }

  map(node: Node | null | undefined, what: string, at: SourceLocation): YAMLMap | undefined {
    if (isMap(node)) return node;
    this.report('wrong-type', node ? this.locate(node) : at, what, 'a mapping of keys to values');
    return undefined;
  }

  seq(node: Node | null | undefined, what: string, at: SourceLocation): YAMLSeq | undefined {
    if (isSeq(node)) return node;
    this.report('wrong-type', node ? this.locate(node) : at, what, 'a list');
    return undefined;
  }

  /** The map's pairs keyed by their string key; reports keys that are not strings or not allowed. */
  pairs(map: YAMLMap, where: string, allowed: readonly string[]): Map<string, Pair<Node, Node | null>> {
    const found = new Map<string, Pair<Node, Node | null>>();
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string') {
        this.report('wrong-type', this.locate(pair.key), `a key of ${where}`, 'a word');
        continue;
      }
      if (!allowed.includes(key)) {
        this.report('unknown-key', this.locate(pair.key), key, where, allowed.join(', '));
        continue;
      }
      found.set(key, pair);
    }
    return found;
  }

  text(node: Node | null | undefined, what: string, at: SourceLocation): string | undefined {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value).trim();
      if (text === '') this.report('empty-text', this.locate(node), what);
      return text === '' ? undefined : text;
    }
    this.report('wrong-type', node ? this.locate(node) : at, what, 'text');
    return undefined;
  }

  number(node: Node | null | undefined, what: string, at: SourceLocation): number | undefined {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.report('wrong-type', node ? this.locate(node) : at, what, 'a number');
    return undefined;
  }

  boolean(node: Node | null | undefined, what: string, at: SourceLocation): boolean | undefined {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'boolean') return value;
    this.report('wrong-type', node ? this.locate(node) : at, what, 'true or false');
    return undefined;
  }

  oneOf<T extends string>(
    node: Node | null | undefined,
    what: string,
    allowed: readonly T[],
    at: SourceLocation,
  ): T | undefined {
    const text = this.text(node, what, at);
    if (text === undefined) return undefined;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    this.report('unknown-value', this.locate(node), what, text, allowed.join(', '));
    return undefined;
  }
}
