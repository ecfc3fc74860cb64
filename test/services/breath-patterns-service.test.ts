import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BreathPatternsService, checkBreathPattern, takenNames } from '../../src/services/breath-patterns-service';
import { DataStore } from '../../src/services/data-store';
import { freshName } from '../storage/db-fixtures';

const fields = (name: string, inhale = '4', hold = '0', exhale = '6', rest = '0') => ({ name, inhale, hold, exhale, rest });

describe('checkBreathPattern', () => {
  it('accepts a named pattern with seconds in range, halves and commas included', () => {
    expect(checkBreathPattern(fields('Slow', '5.5', '', '5,5', '0'), [])).toEqual({ ok: true, name: 'Slow', pattern: { inhale: 5.5, hold: 0, exhale: 5.5, rest: 0 } });
    expect(checkBreathPattern(fields('  Edges  ', '1', '60', '60', '60'), [])).toMatchObject({ ok: true, name: 'Edges' });
  });

  it('names every field that is wrong, in words', () => {
    expect(checkBreathPattern(fields(' ', '0', '61', 'slow', '-1'), [])).toEqual({
      ok: false,
      problems: {
        name: 'Give the pattern a name, so you can find it again.',
        inhale: 'Breathe in for 1 to 60 seconds.',
        hold: 'Hold for 0 to 60 seconds (0 for no hold).',
        exhale: 'Breathe out for 1 to 60 seconds.',
        rest: 'Rest for 0 to 60 seconds (0 for no rest).',
      },
    });
    expect(checkBreathPattern(fields('Calm', '', '0', '6', '0'), [])).toEqual({ ok: false, problems: { inhale: 'Breathe in for 1 to 60 seconds.' } });
  });

  it('keeps names to 40 characters as a person counts them', () => {
    expect(checkBreathPattern(fields('🌙'.repeat(40)), [])).toMatchObject({ ok: true });
    expect(checkBreathPattern(fields('x'.repeat(41)), [])).toEqual({ ok: false, problems: { name: 'Keep the name to 40 characters (it has 41).' } });
  });

  it('refuses a name already taken by a preset or another pattern, whatever the letter case', () => {
    const taken = takenNames([{ id: 'a', name: 'Evening', inhale: 4, hold: 0, exhale: 6, rest: 0, createdAt: 1 }]);
    expect(checkBreathPattern(fields('box'), taken)).toEqual({ ok: false, problems: { name: 'There is already a pattern called “box”. Choose another name.' } });
    expect(checkBreathPattern(fields(' EVENING '), taken)).toMatchObject({ ok: false });
    expect(checkBreathPattern(fields('Long exhale'), taken)).toMatchObject({ ok: false });
    expect(checkBreathPattern(fields('Evening'), takenNames([{ id: 'a', name: 'Evening', inhale: 4, hold: 0, exhale: 6, rest: 0, createdAt: 1 }], 'a'))).toMatchObject({ ok: true });
  });
});

describe('BreathPatternsService', () => {
  const made = Date.UTC(2025, 0, 1);
  const service = () => {
    let id = 0;
    return new BreathPatternsService(new DataStore(freshName('patterns')), () => made + id, () => `pattern-${String((id += 1))}`);
  };

  it('creates, lists, renames and deletes patterns', async () => {
    const patterns = service();
    const saved = await patterns.save(fields('Evening', '3', '1', '5', '1'));
    expect(saved).toEqual({ ok: true, pattern: { id: 'pattern-1', name: 'Evening', inhale: 3, hold: 1, exhale: 5, rest: 1, createdAt: made + 1 } });
    await patterns.save(fields('Morning'));
    const renamed = await patterns.save(fields('Night', '4', '2', '6', '0'), 'pattern-1');
    expect(renamed).toMatchObject({ ok: true, pattern: { id: 'pattern-1', name: 'Night', hold: 2, createdAt: made + 1 } });
    expect((await patterns.list()).map((pattern) => pattern.name)).toEqual(['Night', 'Morning']);
    await patterns.remove('pattern-1');
    expect((await patterns.list()).map((pattern) => pattern.name)).toEqual(['Morning']);
  });

  it('keeps at most 1,000 patterns of one’s own, and says so when the form would make one more', async () => {
    const store = new DataStore(freshName('many-patterns'));
    const patterns = new BreathPatternsService(store, () => made);
    await store.run(async (db) => {
      const tx = db.transaction('breathPatterns', 'readwrite');
      const puts = Array.from({ length: 1000 }, (_, index) => tx.store.put({ id: `p-${String(index)}`, name: `Pattern ${String(index)}`, inhale: 4, hold: 0, exhale: 6, rest: 0, createdAt: made }));
      await Promise.all([...puts, tx.done]);
    });
    expect(await patterns.save(fields('One more'))).toEqual({
      ok: false,
      problems: { count: 'You have 1,000 patterns of your own, the most Lull keeps. Delete one to make room.' },
    });
    expect(await patterns.save(fields('Changed'), 'p-0')).toMatchObject({ ok: true, pattern: { id: 'p-0', name: 'Changed' } });
  });

  it('saves nothing when the pattern does not check out', async () => {
    const patterns = service();
    await patterns.save(fields('Evening'));
    expect(await patterns.save(fields('evening'))).toMatchObject({ ok: false, problems: { name: 'There is already a pattern called “evening”. Choose another name.' } });
    expect(await patterns.list()).toHaveLength(1);
  });

  it('remembers the pacer’s choice and the vibration switch, with defaults before anything is stored', async () => {
    const patterns = service();
    expect(await patterns.remembered([])).toEqual({ choice: { pattern: 'long-exhale', length: { minutes: 5 }, cue: 'voice' }, vibrate: false });
    await patterns.rememberChoice({ pattern: 'box', length: { cycles: 8 }, cue: 'none' });
    await patterns.rememberVibrate(true);
    expect(await patterns.remembered([])).toEqual({ choice: { pattern: 'box', length: { cycles: 8 }, cue: 'none' }, vibrate: true });
  });
});
