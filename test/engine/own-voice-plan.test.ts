import { describe, expect, it } from 'vitest';
import { stretchTemplate, templateTakeLines } from '../../src/engine/plan-template';
import type { SessionPlan, TimelineEvent } from '../../src/engine/timeline';
import { shippedManifest } from '../helpers/shipped-plan';

const template = shippedManifest('safe-space').template;
const voices = (plan: SessionPlan) => plan.events.filter((event): event is Extract<TimelineEvent, { kind: 'voice' }> => event.kind === 'voice');

describe('a session in the person’s own voice', () => {
  const lines = templateTakeLines(template);

  it('offers every narrated line once, on every branch, and not the line that stands in for a recording', () => {
    const keys = lines.map((line) => line.key);
    expect(new Set(keys).size).toBe(keys.length);
    const beach = voices(stretchTemplate(template, { minutes: 12, choices: { place: 'beach' } }));
    const forest = voices(stretchTemplate(template, { minutes: 12, choices: { place: 'forest' } }));
    for (const event of [...beach, ...forest]) if (event.source.kind === 'line') expect(keys).toContain(event.source.key);
    expect(lines.every((line) => line.text.trim().length > 0)).toBe(true);
  });

  it('plays each take for its own length in its line’s place, moves what follows, and keeps the session’s length', () => {
    const [first, second] = lines;
    if (!first || !second) throw new Error('too few lines');
    const narrated = stretchTemplate(template, { minutes: 12 });
    const own = stretchTemplate(template, { minutes: 12, takes: { [first.key]: 9.5, [second.key]: 1.25 } });
    expect(own.duration).toBeCloseTo(narrated.duration, 6);
    const taken = voices(own).filter((event) => event.source.kind === 'take');
    expect(taken.map((event) => [event.source.kind === 'take' && event.source.key, event.duration, event.text])).toEqual([
      [first.key, 9.5, first.text],
      [second.key, 1.25, second.text],
    ]);
    const before = voices(narrated);
    const after = voices(own);
    expect(after).toHaveLength(before.length);
    // Nothing overlaps: every line starts after the one before it has ended.
    for (let index = 1; index < after.length; index += 1) {
      const previous = after[index - 1];
      const current = after[index];
      if (previous && current) expect(current.at).toBeGreaterThanOrEqual(previous.at + previous.duration - 1e-9);
    }
    expect(own.captions.find((caption) => caption.text === first.text)?.end).toBeCloseTo((taken[0]?.at ?? 0) + 9.5, 6);
  });

  it('leaves a plan without takes exactly as it was, and never reads a built-in property as a take', () => {
    const narrated = stretchTemplate(template, { minutes: 12 });
    expect(stretchTemplate(template, { minutes: 12, takes: {} })).toEqual(narrated);
    const odd = JSON.parse('{"constructor": 3, "__proto__": 4}') as Record<string, number>;
    expect(stretchTemplate(template, { minutes: 12, takes: odd })).toEqual(narrated);
  });
});
