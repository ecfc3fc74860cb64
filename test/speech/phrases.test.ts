import { describe, expect, it } from 'vitest';
import { pcmSeconds } from '../../src/speech/pcm';
import { joinWithRests, phrasesOf, spokenText } from '../../src/speech/phrases';

const rests = { commaSeconds: 0.5, sentenceSeconds: 1.5, phraseSeconds: 0.3 };
const ones = (seconds: number) => ({ sampleRate: 1000, channels: [new Float32Array(seconds * 1000).fill(1)] });

describe('phrases', () => {
  it('splits a line at its commas and full stops, with the rest that follows each', () => {
    expect(phrasesOf('Rest here, a while. Then go on.', rests)).toEqual([
      { text: 'Rest here,', restAfter: 0.5 },
      { text: 'a while.', restAfter: 1.5 },
      { text: 'Then go on.', restAfter: 0 },
    ]);
  });

  it('joins spoken phrases with the silence of each one’s rest between them', () => {
    const joined = joinWithRests([ones(1), ones(2)], [0.5, 0]);
    expect(pcmSeconds(joined)).toBe(3.5);
    expect(joined.channels[0]?.slice(1000, 1500).every((sample) => sample === 0)).toBe(true);
    expect(joined.channels[0]?.[1500]).toBe(1);
  });

  it('refuses to join nothing into a line, with a code', () => {
    expect(() => joinWithRests([ones(0)], [0])).toThrow(expect.objectContaining({ code: 'speech-failed' }));
  });

  it('reads a line as one line of single spaces, and refuses empty text with a code', () => {
    expect(spokenText('  Rest\n here,\t a while. ')).toBe('Rest here, a while.');
    expect(() => spokenText(' \n ')).toThrow(expect.objectContaining({ code: 'speech-empty-text' }));
  });
});
