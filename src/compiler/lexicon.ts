import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { RenderError } from './render/render-error';
import type { Lexicon, LexiconEntry } from '../speech/respell';

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
