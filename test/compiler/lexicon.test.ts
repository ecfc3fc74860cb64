import { describe, expect, it } from 'vitest';
import { parseLexicon, spokenForm } from '../../src/compiler/lexicon';

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
