import { Composer, CST, Lexer, Parser, visit, type Document, type ErrorCode } from 'yaml';
import type { ScriptProblemCode } from './script-problem';
import type { YamlReader } from './yaml-reader';

/** Maps and lists nest at most this deep: a script needs about 20 levels, four nested choices included. */
export const deepestNesting = 32;

/** Every control character but the tab; a carriage return only as part of a Windows line end. */
const lineControl = /(?!\t|\r$)\p{Cc}/u;
const valueControl = /(?![\t\n])\p{Cc}/u;

/** The YAML library's errors that carry a JavaScript error's text or its own internals: they get none. */
const unworded = new Set<ErrorCode>(['IMPOSSIBLE', 'RESOURCE_EXHAUSTION']);

type PlainDataCode = Extract<ScriptProblemCode, `yaml-${'documents' | 'anchor' | 'alias' | 'merge-key' | 'tag' | 'directive'}`>;

/**
 * Reads a script's text as one YAML document of plain data: no control characters, one document,
 * no directives, tags, anchors, aliases or merge keys, and nesting within {@link deepestNesting}.
 * Each refusal is reported, located, before the library builds any node; the document comes back
 * only when nothing was reported.
 */
export function readYamlDocument(source: string, reader: YamlReader): Document.Parsed | undefined {
  if (reportControlCharacters(source, reader)) return undefined;
  const tokens = parseSyntaxTree(source, reader);
  if (!tokens) return undefined;
  const refused = findUnplainYaml(tokens);
  for (const { code, offset } of refused) reader.report(code, reader.position(offset));
  if (refused.length > 0) return undefined;
  const [document] = new Composer({ uniqueKeys: true }).compose(tokens, true, source.length);
  if (!document) return undefined;
  for (const error of document.errors) {
    const detail = unworded.has(error.code) ? 'the text cannot be read from here' : (error.message.split('\n')[0] ?? error.code);
    reader.report('yaml-syntax', reader.position(error.pos[0]), detail);
  }
  if (document.errors.length > 0) return undefined;
  // Escapes in quoted text ("\0", "\x07") make control characters the raw text does not show.
  const reported = reader.problems.length;
  visit(document, {
    Scalar(_key, node) {
      const found = typeof node.value === 'string' ? valueControl.exec(node.value) : null;
      if (found) reader.report('control-character', reader.locate(node), codePoint(found[0]));
    },
  });
  return reader.problems.length === reported ? document : undefined;
}

/** Reports the first control character on each line; true when there was one. */
function reportControlCharacters(source: string, reader: YamlReader): boolean {
  let found = false;
  source.split('\n').forEach((line, index) => {
    const match = lineControl.exec(line);
    if (!match) return;
    reader.report('control-character', { line: index + 1, column: match.index + 1 }, codePoint(match[0]));
    found = true;
  });
  return found;
}

/**
 * The syntax tree, built by the library's parser one token at a time so that it stops at the
 * first collection nested too deep and reports it: no input then costs more than its first levels.
 */
function parseSyntaxTree(source: string, reader: YamlReader): CST.Token[] | undefined {
  const parser = new Parser(reader.lines.addNewLine);
  reader.lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(source)) {
    tokens.push(...parser.next(lexeme));
    // The parser's stack holds the node being built under all its parents.
    if (parser.stack.length <= deepestNesting) continue;
    const tooDeep = parser.stack.filter(CST.isCollection)[deepestNesting];
    if (!tooDeep) continue;
    reader.report('yaml-depth', reader.position(tooDeep.offset), deepestNesting);
    return undefined;
  }
  tokens.push(...parser.end());
  return tokens;
}

const codePoint = (character: string): string => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Finds everything in the syntax tree that a plain-data script never needs, in text order. */
function findUnplainYaml(tokens: readonly CST.Token[]): { code: PlainDataCode; offset: number }[] {
  const found: { code: PlainDataCode; offset: number }[] = [];
  const pending: CST.Token[] = [];
  let documents = 0;
  for (const token of tokens) {
    if (token.type === 'directive') found.push({ code: 'yaml-directive', offset: token.offset });
    if (token.type !== 'document') continue;
    documents += 1;
    if (documents === 1) pending.push(token);
    else if (documents === 2) found.push({ code: 'yaml-documents', offset: token.offset });
  }
  const add = (...lists: (readonly (CST.Token | null | undefined)[] | undefined)[]): void => {
    for (const token of lists.flat()) if (token) pending.push(token);
  };
  for (let token = pending.pop(); token; token = pending.pop()) {
    switch (token.type) {
      case 'anchor':
        found.push({ code: 'yaml-anchor', offset: token.offset });
        break;
      case 'tag':
        found.push({ code: 'yaml-tag', offset: token.offset });
        break;
      case 'alias':
        found.push({ code: 'yaml-alias', offset: token.offset });
        break;
      case 'document':
        add(token.start, [token.value]);
        break;
      case 'block-scalar':
        add(token.props);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) {
          if (item.key && isMergeKey(item.key)) found.push({ code: 'yaml-merge-key', offset: item.key.offset });
          add(item.start, item.sep, [item.key, item.value]);
        }
        break;
      default:
        break;
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** `<<` written plainly as a key; quoted, it is an ordinary word. */
const isMergeKey = (key: CST.Token): boolean => key.type === 'scalar' && key.source === '<<';
