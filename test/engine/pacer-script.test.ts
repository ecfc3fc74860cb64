import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BreathPatternError } from '../../src/engine/breath-pattern-error';
import { breathPresets } from '../../src/engine/breath-patterns';
import { describePattern, pacerScript } from '../../src/engine/pacer-script';
import { planSession } from '../../src/engine/plan-session';
import { validateScript } from '../../src/engine/validate-script';

const box = breathPresets.box ?? { inhale: 4, hold: 4, exhale: 4, rest: 4 };
const planOf = (script: ReturnType<typeof pacerScript>) => planSession(script, { minutes: script.length.default, speechSeconds: () => 0, keyOf: (text) => text });

describe('pacerScript', () => {
  it('plays a pattern for the chosen minutes, to within one breath, between two bells', () => {
    const plan = planOf(pacerScript({ patternName: 'box', pattern: box, length: { minutes: 5 }, cue: 'tone' }));
    expect(plan.duration).toBeLessThanOrEqual(300);
    expect(plan.duration).toBeGreaterThan(300 - 16);
    expect(plan.events.filter((event) => event.kind === 'cue' && event.sound === 'bell')).toHaveLength(2);
    expect(plan.events.filter((event) => event.kind === 'cue' && event.sound === 'tone-inhale').length).toBe(18);
  });

  it('plays exactly the chosen number of breaths', () => {
    const plan = planOf(pacerScript({ patternName: '4-7-8', pattern: { inhale: 4, hold: 7, exhale: 8, rest: 0 }, length: { cycles: 7 }, cue: 'voice' }));
    expect(plan.events.filter((event) => event.kind === 'breath' && event.phase === 'inhale')).toHaveLength(7);
    expect(plan.events.filter((event) => event.kind === 'cue' && event.sound === 'word-exhale')).toHaveLength(7);
    expect(plan.duration).toBe(4 + 7 * 19 + 4);
  });

  it('makes no sound for the breaths when the cue is silent, only the bells', () => {
    const plan = planOf(pacerScript({ patternName: 'resonance', pattern: { inhale: 5.5, hold: 0, exhale: 5.5, rest: 0 }, length: { minutes: 2 }, cue: 'none' }));
    expect(plan.events.flatMap((event) => (event.kind === 'cue' ? [event.sound] : []))).toEqual(['bell', 'bell']);
  });

  it('makes a script the validator accepts', () => {
    expect(validateScript(pacerScript({ patternName: 'box', pattern: box, length: { minutes: 10 }, cue: 'tone' }))).toEqual([]);
  });

  it('describes a pattern in words', () => {
    expect(describePattern(box)).toBe('In 4 · hold 4 · out 4 · rest 4 seconds');
    expect(describePattern({ inhale: 4, hold: 0, exhale: 6, rest: 0 })).toBe('In 4 · out 6 seconds');
  });

  it('refuses, with a coded error, a pattern whose inhale is shorter than the form allows, instead of planning it forever', () => {
    const tiny = { inhale: 1e-300, hold: 0, exhale: 0, rest: 0 };
    const script = pacerScript({ patternName: 'Tiny', pattern: tiny, length: { minutes: 5 }, cue: 'tone' });
    expect(() => planOf(script)).toThrow(BreathPatternError);
    expect(() => planOf(script)).toThrow('This breathing pattern cannot be played: breathing in must last 1 to 60 seconds.');
  });

  it('plans every pattern within the limits and refuses every one outside them, by the phase at fault', () => {
    const seconds = fc.oneof(fc.double({ min: -1, max: 70, noNaN: true }), fc.constantFrom(Number.NaN, Infinity, 1e-300, 0, 1, 60));
    fc.assert(
      fc.property(fc.record({ inhale: seconds, hold: seconds, exhale: seconds, rest: seconds }), fc.boolean(), (pattern, byCycles) => {
        const length = byCycles ? { cycles: 3 } : { minutes: 1 };
        const allowed = (value: number, min: number) => value >= min && value <= 60;
        const fault = !allowed(pattern.inhale, 1) ? 'inhale' : !allowed(pattern.hold, 0) ? 'hold' : !allowed(pattern.exhale, 1) ? 'exhale' : !allowed(pattern.rest, 0) ? 'rest' : undefined;
        const plan = () => planOf(pacerScript({ patternName: 'Any', pattern, length, cue: 'none' }));
        if (fault === undefined) expect(plan().duration).toBeGreaterThan(0);
        else expect(plan).toThrow(expect.objectContaining({ code: 'phase-out-of-range', phase: fault }));
      }),
      { numRuns: 300 },
    );
  });
});
