import type { PathStep } from '../../engine/resolve-path';
import { scriptProblem, type ScriptProblem } from '../../engine/script-problem';
import type { Script, SourceLocation } from '../../engine/script-model';
import { answerPaths, describeAnswers, spokenAlong } from './answer-paths';
import { anchors, closingLineCount, innerChildPractices, openingLineCount, openingParts } from './opening-rules';

interface Gap {
  readonly code: 'no-opening' | 'no-return';
  readonly at: SourceLocation;
  readonly detail: string;
}

/**
 * An inner-child session opens with a choice (eyes, posture), an anchor in the present and the
 * freedom to pause or stop, and comes back to that anchor at the end: on every path. A gap on
 * some paths only names the first of them.
 */
export function checkOpening(script: Script): ScriptProblem[] {
  if (!innerChildPractices.has(script.practice)) return [];
  const paths = answerPaths(script);
  const gaps = new Map<string, { gap: Gap; paths: Readonly<Record<string, string>>[] }>();
  for (const path of paths) {
    for (const gap of gapsAlong(path.steps)) {
      const key = `${gap.code} ${gap.at.line}:${gap.at.column} ${gap.detail}`;
      const known = gaps.get(key) ?? { gap, paths: [] };
      known.paths.push(path.choices);
      gaps.set(key, known);
    }
  }
  return [...gaps.values()].map(({ gap, paths: failing }) => {
    const where = failing.length < paths.length ? describeAnswers(failing[0] ?? {}) : '';
    return gap.code === 'no-opening'
      ? scriptProblem('no-opening', script.file, gap.at, where, openingLineCount, gap.detail)
      : scriptProblem('no-return', script.file, gap.at, where, closingLineCount, gap.detail);
  });
}

function gapsAlong(steps: readonly PathStep[]): Gap[] {
  const spoken = spokenAlong(steps);
  const opening = spoken.slice(0, openingLineCount);
  const first = opening[0]?.at ?? { line: 1, column: 1 };
  const gaps: Gap[] = openingParts
    .filter((part) => !opening.some(({ text }) => part.test(text)))
    .map((part) => ({ code: 'no-opening', at: first, detail: part.needs }));
  const opened = anchors.filter(({ pattern }) => opening.some(({ text }) => pattern.test(text)));
  const closing = spoken.slice(-closingLineCount);
  const last = closing.at(-1);
  if (opened.length > 0 && last && !opened.some(({ pattern }) => closing.some(({ text }) => pattern.test(text)))) {
    gaps.push({ code: 'no-return', at: last.at, detail: opened.map(({ name }) => name).join(', ') });
  }
  return gaps;
}
