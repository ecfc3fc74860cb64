import { describe, expect, it } from 'vitest';
import { checkScript } from '../../src/engine/check-script';
import { planSession } from '../../src/engine/plan-session';
import { estimateSpeechSeconds } from '../../src/engine/speech-estimate';
import { changeTimes, fallbackPlaysAt, nextTimeAfter, writingPlaces } from '../../src/engine/timeline-queries';
import { momentAt } from '../../src/services/session-moment';
import { shippedPlan } from '../helpers/shipped-plan';
import { loadValidScript, scriptWithSteps } from '../helpers/scripts';

const everyStep = loadValidScript('test/fixtures/scripts/every-step.yaml');
const plan = (recordings: Record<string, number> = {}) =>
  planSession(everyStep, { minutes: 4, speechSeconds: estimateSpeechSeconds, keyOf: (text) => text, recordings });

describe('fallbackPlaysAt', () => {
  it('is true while a recording step speaks its fallback line, and only then', () => {
    const planned = plan();
    const slot = planned.steps.find((step) => step.kind === 'recording');
    if (!slot) throw new Error('every-step has no recording step');
    expect(fallbackPlaysAt(planned, slot.at + 0.5)).toBe(true);
    expect(fallbackPlaysAt(planned, slot.at - 0.5)).toBe(false);
  });

  it('is false where the person’s own recording plays', () => {
    const planned = plan({ letter: 20 });
    const slot = planned.steps.find((step) => step.kind === 'recording');
    if (!slot) throw new Error('every-step has no recording step');
    expect(fallbackPlaysAt(planned, slot.at + 0.5)).toBe(false);
  });
});

describe('writingPlaces', () => {
  it('names where a session keeps what the person writes, once each', () => {
    expect(writingPlaces(plan())).toEqual(['journal']);
    const letter = checkScript(
      's.yaml',
      scriptWithSteps(`  - prompt: Dear you.
    seconds: 5
    journal: letter
  - prompt: More.
    seconds: 5
    journal: letter
  - prompt: And a note.
    seconds: 5
    journal: true
  - pause: { min: 1, max: 100 }`),
    );
    if (!letter.ok) throw new Error('the sample script is not valid');
    expect(writingPlaces(planSession(letter.script, { minutes: 1, speechSeconds: estimateSpeechSeconds, keyOf: (text) => text }))).toEqual(['letter', 'journal']);
  });

  it('is empty for a session with nothing to write', () => {
    const breathing = loadValidScript('audio-scripts/breathe-long-exhale.yaml');
    expect(writingPlaces(planSession(breathing, { minutes: 5, speechSeconds: estimateSpeechSeconds, keyOf: (text) => text }))).toEqual([]);
  });
});

describe('changeTimes', () => {
  it('holds every time the screen can change, so that between two of them nothing shown changes', () => {
    const plan = shippedPlan('butterfly-hug', 4);
    const times = changeTimes(plan);
    expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
    // Sampled every 20 ms, the moment shown differs from the one before only where a change time lies between.
    let before = momentAt(plan, 1e-6);
    for (let position = 0.02; position < plan.duration; position += 0.02) {
      const now = momentAt(plan, position);
      const shown = (moment: typeof now) => JSON.stringify({ ...moment, position: undefined, breath: moment.breath?.phase });
      if (shown(now) !== shown(before)) {
        const next = nextTimeAfter(times, position - 0.02);
        expect(next, `a change at ${String(position)} s`).toBeLessThanOrEqual(position + 1e-9);
      }
      before = now;
    }
  });

  it('finds the next time after a position, and none after the last', () => {
    expect(nextTimeAfter([1, 2, 3], 0)).toBe(1);
    expect(nextTimeAfter([1, 2, 3], 2)).toBe(3);
    expect(nextTimeAfter([1, 2, 3], 3)).toBeUndefined();
  });
});
