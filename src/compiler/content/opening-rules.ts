import type { PracticeKind } from '../../engine/script-model';

/** Sessions that turn toward the younger self, in imagination or reflection. */
export const innerChildPractices: ReadonlySet<PracticeKind> = new Set(['safe-space', 'five-questions', 'letter', 'memories', 'self-compassion']);

/** The opening is found in this many spoken lines from the start; the return in this many at the end. */
export const openingLineCount = 5;
export const closingLineCount = 3;

/** The anchors in the present an opening can set up, each with the words that name it. */
export const anchors: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'feet', pattern: /\b(?:feet|foot)\b/iu },
  { name: 'floor', pattern: /\b(?:floor|ground)\b/iu },
  { name: 'seat', pattern: /\b(?:seat|chair|cushion|bed|surface)\b/iu },
  { name: 'sounds', pattern: /\bsounds?\b/iu },
  { name: 'room around', pattern: /\broom\s+around\b/iu },
];

/** What an opening offers, each found when one of the first spoken lines passes its test. */
export const openingParts: readonly { readonly needs: string; readonly test: (line: string) => boolean }[] = [
  {
    needs: 'a choice for the eyes (open, or resting shut or lowered)',
    test: (line) => /\b(?:eyes|gaze)\b/iu.test(line) && /\bopen\b/iu.test(line) && /\b(?:shut|closed|lower|lowered|down)\b/iu.test(line),
  },
  {
    needs: 'a choice of how to sit, stand or lie',
    test: (line) => /\b(?:sit|sitting|seated|stand|standing|lie|lying|posture)\b/iu.test(line),
  },
  {
    needs: 'an anchor in the present (the feet on the floor, the seat, the sounds around)',
    test: (line) => anchors.some(({ pattern }) => pattern.test(line)),
  },
  {
    needs: 'the reminder that pausing, stopping or taking a break is always fine',
    test: (line) => /\bstop/iu.test(line) && /\b(?:paus|break)/iu.test(line),
  },
];
