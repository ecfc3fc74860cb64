import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { RenderError } from './render/render-error';

/** One word or phrase the voices would say wrongly, and how to say it instead. */
export interface LexiconEntry {
  /** The written word or phrase, matched whole and regardless of case. */
  readonly say: string;
  /** Other spelling the engine reads instead (any narrator). */
  readonly respell?: string;
  /** CMU phones with stress digits on the vowels (`k aa1 l er0`), for a single word; used by engines that take phonemes. */
  readonly phonemes?: readonly string[];
}

export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
}

/** What one line becomes for an engine: the text it reads, and the words it is told how to say. */
export interface SpokenForm {
  readonly text: string;
  readonly words: readonly { readonly word: string; readonly phonemes: readonly string[] }[];
}

const phonePattern = /^[a-z]{1,3}[0-2]?$/u;
const wordPattern = /^[\p{L}'’-]+$/u;

function invalid(index: number, why: string): RenderError {
  return new RenderError('lexicon-invalid', `entry ${String(index + 1)}: ${why}`);
}

/** Reads the lexicon's YAML: a list of `say` with `respell`, `phonemes` or both. */
export function parseLexicon(source: string): Lexicon {
  const data: unknown = parse(source);
  if (data === null || data === undefined) return { entries: [] };
  if (!Array.isArray(data)) throw new RenderError('lexicon-invalid', 'the file must be a list of entries');
  const entries = data.map((item: unknown, index): LexiconEntry => {
    if (typeof item !== 'object' || item === null) throw invalid(index, 'each entry is a mapping with "say"');
    const { say, respell, phonemes, ...rest } = item as Record<string, unknown>;
    const unknownKeys = Object.keys(rest);
    if (unknownKeys.length > 0) throw invalid(index, `unknown key ${unknownKeys.join(', ')}`);
    if (typeof say !== 'string' || say.trim() === '') throw invalid(index, '"say" must be a word or phrase');
    if (respell === undefined && phonemes === undefined) throw invalid(index, 'give "respell", "phonemes" or both');
    if (respell !== undefined && (typeof respell !== 'string' || respell.trim() === '')) throw invalid(index, '"respell" must be text');
    let phones: string[] | undefined;
    if (phonemes !== undefined) {
      if (typeof phonemes !== 'string') throw invalid(index, '"phonemes" must be phones separated by spaces');
      phones = phonemes.trim().split(/\s+/u);
      if (!wordPattern.test(say.trim())) throw invalid(index, '"phonemes" can only be given for a single word');
      const wrong = phones.find((phone) => !phonePattern.test(phone));
      if (wrong !== undefined) throw invalid(index, `"${wrong}" is not a phone such as "aa1" or "k"`);
    }
    return { say: say.trim(), ...(typeof respell === 'string' ? { respell: respell.trim() } : {}), ...(phones ? { phonemes: phones } : {}) };
  });
  return { entries };
}

export async function loadLexicon(path: string): Promise<Lexicon> {
  const source = await readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  });
  return parseLexicon(source);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function phrasePattern(say: string): RegExp {
  const words = say.split(/\s+/u).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}'’])${words}(?![\\p{L}'’])`, 'giu');
}

/**
 * What an engine reads for `text`: longer phrases first, each found whole and regardless of case.
 * An engine that takes phonemes is told the words that have them; the others read the respelling.
 */
export function spokenForm(text: string, lexicon: Lexicon, takesPhonemes: boolean): SpokenForm {
  let spoken = text;
  const words: { word: string; phonemes: readonly string[] }[] = [];
  const byLength = [...lexicon.entries].sort((a, b) => b.say.length - a.say.length);
  for (const entry of byLength) {
    const pattern = phrasePattern(entry.say);
    if (!pattern.test(spoken)) continue;
    pattern.lastIndex = 0;
    if (takesPhonemes && entry.phonemes) words.push({ word: entry.say, phonemes: entry.phonemes });
    else if (entry.respell !== undefined) {
      const respelling = entry.respell;
      spoken = spoken.replace(pattern, (found) => (found[0] === found[0]?.toUpperCase() ? respelling.charAt(0).toUpperCase() + respelling.slice(1) : respelling));
    }
  }
  return { text: spoken, words };
}
