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
