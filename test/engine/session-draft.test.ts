import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScript } from '../../src/engine/check-script';
import { planSession } from '../../src/engine/plan-session';
import { estimateSpeechSeconds } from '../../src/engine/speech-estimate';

const estimated = { speechSeconds: estimateSpeechSeconds, keyOf: (text: string) => text };
import { draftLimitProblems, draftOfScript, draftSource, placeOfProblem, undraftableProblems, type SessionDraft } from '../../src/engine/session-draft';

const draft: SessionDraft = {
  id: 'made-abcd1234',
  title: 'For the "little one"',
  description: 'Words I needed: you matter.',
  practice: 'self-compassion',
  length: { min: 3, default: 5, max: 10 },
  steps: [
    { id: 's1', kind: 'ambience', ambience: 'rain', volume: 0.3, fade: 4 },
    { id: 's2', kind: 'say', text: 'Hello, little one. You can stop whenever you like.' },
    { id: 's3', kind: 'pause', seconds: { min: 5, max: 240 } },
    { id: 's4', kind: 'breathe', pattern: { inhale: 4, hold: 0, exhale: 6, rest: 0 }, minutes: { min: 1, max: 3 }, cue: 'voice-then-tone' },
    { id: 's5', kind: 'taps', interval: 1.2, minutes: { min: 0.5, max: 2, weight: 2 } },
    { id: 's6', kind: 'prompt', text: 'What did you need to hear back then?', seconds: { min: 20, max: 120 }, journal: true },
    { id: 's7', kind: 'bell', count: 1 },
    { id: 's8', kind: 'ambience', ambience: null, volume: 0.5, fade: 6 },
  ],
};

const planOf = (source: string, minutes: number, seed: string) => {
  const checked = checkScript('made.yaml', source);
  if (!checked.ok) throw new Error(checked.problems.map((problem) => `${problem.line}: ${problem.message}`).join('\n'));
  return planSession(checked.script, { ...estimated, minutes, seed });
};

describe('a session made in the app', () => {
  it('is written as a script the engine reads back exactly, quotes and all', () => {
    const { source } = draftSource(draft);
    const checked = checkScript('made.yaml', source);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.script.title).toBe('For the "little one"');
    expect(checked.script.steps.map((step) => step.kind)).toEqual(['ambience', 'say', 'pause', 'breathe', 'taps', 'prompt', 'bell', 'ambience']);
    const again = draftOfScript(checked.script, draft.id, (() => { let n = 0; return () => `s${String((n += 1))}`; })());
    expect(again).toEqual(draft);
  });

  it('puts each problem the engine finds on the step it belongs to, in the engine’s own words', () => {
    const broken: SessionDraft = { ...draft, steps: [...draft.steps.slice(0, 2), { id: 'x', kind: 'say', text: '' }, ...draft.steps.slice(2)] };
    const { source, stepLines } = draftSource(broken);
    const checked = checkScript('made.yaml', source);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const places = checked.problems.map((problem) => placeOfProblem(problem.line, stepLines));
    expect(places).toContainEqual({ kind: 'step', index: 2 });
    expect(checked.problems.find((problem) => placeOfProblem(problem.line, stepLines).kind === 'step')?.message).toMatch(/empty/u);
  });

  it('says on the details when the length range cannot be filled', () => {
    const short: SessionDraft = { ...draft, length: { min: 30, default: 40, max: 50 } };
    const { source, stepLines } = draftSource(short);
    const checked = checkScript('made.yaml', source);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((problem) => placeOfProblem(problem.line, stepLines))).toContainEqual({ kind: 'details' });
  });

  it('keeps its own limits, located like the engine’s', () => {
    const long: SessionDraft = { ...draft, length: { min: 3, default: 5, max: 90 }, steps: [...draft.steps, { id: 'y', kind: 'say', text: 'word '.repeat(100) }] };
    const { stepLines } = draftSource(long);
    const problems = draftLimitProblems(long, 'made.yaml', stepLines);
    expect(problems.map((problem) => problem.message)).toEqual(['length max must be at most 60 minutes in a session made here', 'a spoken line must be at most 400 characters']);
    expect(placeOfProblem(problems[1]?.line ?? 0, stepLines)).toEqual({ kind: 'step', index: long.steps.length - 1 });
  });

  it('plays a shipped script made into a draft on the same plan', () => {
    const source = readFileSync('audio-scripts/butterfly-hug.yaml', 'utf8');
    const checked = checkScript('butterfly-hug.yaml', source);
    if (!checked.ok) throw new Error('shipped script invalid');
    expect(undraftableProblems(checked.script)).toEqual([]);
    let n = 0;
    const made = draftOfScript(checked.script, 'made-hug1', () => `s${String((n += 1))}`);
    const before = planSession(checked.script, { ...estimated, minutes: 8, seed: 'one listen' });
    const after = planOf(draftSource(made).source, 8, 'one listen');
    expect(after.events).toEqual(before.events);
  });

  it('refuses choices, with where they are', () => {
    const source = readFileSync('audio-scripts/safe-space.yaml', 'utf8');
    const checked = checkScript('safe-space.yaml', source);
    if (!checked.ok) throw new Error('shipped script invalid');
    const problems = undraftableProblems(checked.script);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/"choice" is not a step/u);
    expect(problems[0]?.line).toBeGreaterThan(1);
  });
});
