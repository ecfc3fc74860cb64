import { scriptProblem, type ScriptProblem } from '../../engine/script-problem';
import type { Script, SourceLocation } from '../../engine/script-model';
import { locateMatch } from './locate-match';
import { scriptTexts } from './script-texts';
import { appTalkPatterns, hardWords, promisePatterns } from './word-rules';

interface WordRule {
  readonly pattern: RegExp;
  /** Applies to spoken lines only; otherwise to every text, shown or spoken. */
  readonly spokenOnly: boolean;
  readonly report: (file: string, at: SourceLocation, phrase: string) => ScriptProblem;
}

const rules: readonly WordRule[] = [
  ...promisePatterns.map((pattern) => ({ pattern, spokenOnly: false, report: (file: string, at: SourceLocation, phrase: string) => scriptProblem('promise', file, at, phrase) })),
  ...appTalkPatterns.map((pattern) => ({ pattern, spokenOnly: true, report: (file: string, at: SourceLocation, phrase: string) => scriptProblem('app-talk', file, at, phrase) })),
  ...hardWords.map(({ pattern, instead }) => ({
    pattern,
    spokenOnly: true,
    report: (file: string, at: SourceLocation, phrase: string) => scriptProblem('hard-word', file, at, phrase, instead),
  })),
];

interface Found {
  readonly start: number;
  readonly end: number;
  readonly problem: ScriptProblem;
}

/** Promises in any text; the app's words and words the voice says wrongly in spoken lines. */
export function checkWords(script: Script, source: string): ScriptProblem[] {
  return scriptTexts(script).flatMap((item) => {
    const found = rules
      .filter((rule) => item.spoken || !rule.spokenOnly)
      .flatMap((rule): Found[] => {
        const match = rule.pattern.exec(item.text);
        if (!match) return [];
        const at = locateMatch(source, item.at, item.key, rule.pattern);
        return [{ start: match.index, end: match.index + match[0].length, problem: rule.report(script.file, at, match[0]) }];
      });
    return withoutOverlaps(found);
  });
}

/** One problem per phrase: where two rules match overlapping words, the longer match speaks for both. */
function withoutOverlaps(found: readonly Found[]): ScriptProblem[] {
  const kept: Found[] = [];
  const longestFirst = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const candidate of longestFirst) {
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end)) kept.push(candidate);
  }
  return kept.map(({ problem }) => problem);
}
