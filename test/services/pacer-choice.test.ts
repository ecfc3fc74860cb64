import { describe, expect, it } from 'vitest';
import { pacerChoiceQuery, pacerDefaults, pacerPatterns, pacerSettings, readPacerChoice, switchLength } from '../../src/services/pacer-choice';
import type { CustomBreathPattern } from '../../src/storage/schema';

const evening: CustomBreathPattern = { id: '6f1c2a4e-0d5b-4c3e-9a7f-2b8d1e0c9f11', name: 'Evening calm', inhale: 3, hold: 1, exhale: 5, rest: 1, createdAt: 1 };
const patterns = pacerPatterns([evening]);
const read = (query: string, base = pacerDefaults) => readPacerChoice(new URLSearchParams(query), patterns, base);

describe('readPacerChoice', () => {
  it('reads a preset, a length in minutes and the default cue from a link', () => {
    expect(read('pattern=box&minutes=5')).toEqual({ choice: { pattern: 'box', length: { minutes: 5 }, cue: 'voice' }, notes: [] });
  });

  it('reads a number of breaths and a tone cue', () => {
    expect(read('pattern=4-7-8&cycles=8&cue=tone')).toEqual({ choice: { pattern: '4-7-8', length: { cycles: 8 }, cue: 'tone' }, notes: [] });
  });

  it('finds a custom pattern by its id or by its name, whatever the letter case', () => {
    expect(read(`pattern=${evening.id}`).choice.pattern).toBe(evening.id);
    expect(read('pattern=evening%20CALM').choice.pattern).toBe(evening.id);
    expect(read('pattern=Box').choice.pattern).toBe('box');
  });

  it('opens a preset by the names people write it with: 478, 4-7-8, long_exhale, Long exhale', () => {
    for (const [value, key] of [
      ['478', '4-7-8'],
      ['4-7-8', '4-7-8'],
      ['4 7 8', '4-7-8'],
      ['box', 'box'],
      ['long-exhale', 'long-exhale'],
      ['long_exhale', 'long-exhale'],
      ['Long%20exhale', 'long-exhale'],
      ['resonance', 'resonance'],
      ['eveningcalm', evening.id],
    ] as const) {
      expect(read(`pattern=${value}`), value).toEqual({ choice: { ...pacerDefaults, pattern: key }, notes: [] });
    }
    expect(read('pattern=-').notes).toEqual(['There is no breathing pattern called “-”, so the pacer uses Long exhale.']);
  });

  it('takes what the link leaves out from the remembered settings', () => {
    const remembered = { pattern: 'resonance', length: { cycles: 12 }, cue: 'none' } as const;
    expect(read('cue=tone', remembered).choice).toEqual({ pattern: 'resonance', length: { cycles: 12 }, cue: 'tone' });
    expect(read('', remembered)).toEqual({ choice: remembered, notes: [] });
  });

  it('falls back to the defaults for values it cannot use, and says so', () => {
    const { choice, notes } = read('pattern=nope&minutes=500&cue=loud', { pattern: 'box', length: { minutes: 9 }, cue: 'tone' });
    expect(choice).toEqual(pacerDefaults);
    expect(notes).toEqual([
      'There is no breathing pattern called “nope”, so the pacer uses Long exhale.',
      '“loud” is not a cue the pacer knows, so it uses the soft voice.',
      'A length of “500” minutes is not possible (1 to 60), so the pacer plays 5 minutes.',
    ]);
  });

  it('refuses more breaths than fit in an hour, and parts of minutes', () => {
    expect(read('pattern=4-7-8&cycles=400').notes).toEqual(['“400” breaths is not possible with 4-7-8 (1 to 189), so the pacer plays 5 minutes.']);
    expect(read('minutes=2.5').choice.length).toEqual({ minutes: 5 });
    expect(read('cycles=0').choice.length).toEqual({ minutes: 5 });
  });

  it('counts breaths when a link gives both minutes and breaths', () => {
    const { choice, notes } = read('minutes=3&cycles=6');
    expect(choice.length).toEqual({ cycles: 6 });
    expect(notes).toEqual(['The link asks for both minutes and breaths, so the pacer counts 6 breaths.']);
  });

  it('shortens a very long value in its note', () => {
    expect(read(`pattern=${'x'.repeat(300)}`).notes[0]).toContain(`“${'x'.repeat(39)}…”`);
  });

  it('uses the default pattern when the remembered one was deleted', () => {
    expect(read('', { pattern: 'gone', length: { minutes: 3 }, cue: 'tone' }).choice).toEqual({ pattern: 'long-exhale', length: { minutes: 3 }, cue: 'tone' });
  });
});

describe('pacer settings', () => {
  it('round-trips a choice through its query', () => {
    for (const choice of [pacerDefaults, { pattern: evening.id, length: { cycles: 30 }, cue: 'none' } as const]) {
      expect(readPacerChoice(new URLSearchParams(pacerChoiceQuery(choice)), patterns)).toEqual({ choice, notes: [] });
    }
    expect(pacerChoiceQuery({ pattern: 'box', length: { cycles: 8 }, cue: 'none' })).toBe('pattern=box&cycles=8&cue=silent');
  });

  it('builds the pacer settings with the pattern’s name and seconds', () => {
    expect(pacerSettings({ pattern: evening.id, length: { minutes: 4 }, cue: 'tone' }, patterns)).toEqual({
      patternName: 'Evening calm',
      pattern: { inhale: 3, hold: 1, exhale: 5, rest: 1 },
      length: { minutes: 4 },
      cue: 'tone',
    });
  });

  it('turns minutes into about as many breaths, and back', () => {
    const box = { inhale: 4, hold: 4, exhale: 4, rest: 4 };
    expect(switchLength({ minutes: 4 }, box)).toEqual({ cycles: 15 });
    expect(switchLength({ cycles: 15 }, box)).toEqual({ minutes: 4 });
    expect(switchLength({ cycles: 1 }, box)).toEqual({ minutes: 1 });
  });
});
