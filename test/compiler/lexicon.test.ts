import { describe, expect, it } from 'vitest';
import { loadLexicon, parseLexicon } from '../../src/compiler/lexicon';
import { spokenForm } from '../../src/speech/respell';
import { lexiconPath } from '../../src/compiler/project-paths';

const lexicon = parseLexicon(`
- say: close your
  respell: cloze your
- say: collarbones
  phonemes: k aa1 l er0 b ow2 n z
  respell: collar bones
`);

describe('the pronunciation lexicon', () => {
  it('respells a phrase wherever it stands whole, keeping a capital letter', () => {
    expect(spokenForm('Close your eyes, then close your letter.', lexicon, true).text).toBe('Cloze your eyes, then cloze your letter.');
  });

  it('leaves the other sense of a word alone', () => {
    expect(spokenForm('Something close, something far off.', lexicon, true).text).toBe('Something close, something far off.');
  });

  it('gives an engine that takes phonemes the phonemes, and the others the respelling', () => {
    expect(spokenForm('Feel your collarbones.', lexicon, true)).toEqual({ text: 'Feel your collarbones.', words: [{ word: 'collarbones', phonemes: ['k', 'aa1', 'l', 'er0', 'b', 'ow2', 'n', 'z'] }] });
    expect(spokenForm('Feel your collarbones.', lexicon, false)).toEqual({ text: 'Feel your collar bones.', words: [] });
  });

  it('refuses an entry it cannot use, with a code and the entry named', () => {
    expect(() => parseLexicon('- say: hello')).toThrow(/entry 1: give "respell", "phonemes" or both/u);
    expect(() => parseLexicon('- say: two words\n  phonemes: t uw1')).toThrow(/single word/u);
    expect(() => parseLexicon('- say: hi\n  phonemes: h ay9')).toThrow(/"ay9" is not a phone/u);
    expect(() => parseLexicon('say: hi')).toThrow(expect.objectContaining({ code: 'lexicon-invalid' }));
  });
});

describe('the shipped lexicon', async () => {
  const shipped = await loadLexicon(lexiconPath);

  it.each([
    ['Close your eyes, or close them halfway.', 'Cloze your eyes, or cloze them halfway.'],
    ['When you are done, close your letter.', 'When you are done, cloze your letter.'],
    ['Your eyes can close, if you like.', 'Your eyes can cloze, if you like.'],
    ['Something close, something far off.', 'Something close, something far off.'],
    ['Sit close to the window.', 'Sit close to the window.'],
  ])('reads "%s" as "%s"', (text, spoken) => {
    expect(spokenForm(text, shipped, true).text).toBe(spoken);
  });

  it('says "collarbones" as collar-bones, with phonemes where the engine takes them', () => {
    expect(spokenForm('Feel your collarbones.', shipped, true).words).toEqual([{ word: 'collarbones', phonemes: ['k', 'aa1', 'l', 'er0', 'b', 'ow2', 'n', 'z'] }]);
    expect(spokenForm('Feel your collarbones.', shipped, false).text).toBe('Feel your collar bones.');
  });
});
