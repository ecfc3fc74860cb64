import { beforeAll, describe, expect, it } from 'vitest';
import { pcmSeconds } from '../../../src/speech/pcm';
import { festivalProgram } from '../../../src/compiler/render/festival';
import { RenderError } from '../../../src/compiler/render/render-error';
import { createSpeaker, type Speaker } from '../../../src/compiler/render/speech';
import { narratorVoices } from '../../../src/compiler/voice';
import { calmPace, type LinePace } from '../../../src/speech/line-pace';
import { channelOf } from '../synth/signal-checks';
import { rmsDb } from './audio-checks';

const pace = (words: number, wordsPerMinute: number = calmPace.wordsPerMinute): LinePace => ({ words, wordsPerMinute, rests: calmPace.rests, rate: calmPace.rate });
const plain = (text: string) => ({ text, words: [] });

/** The runs of near-silence of a tenth of a second or more inside a clip, in seconds. */
function restsOf(samples: Float32Array, sampleRate: number): number[] {
  const frame = Math.round(sampleRate * 0.01);
  const rests: number[] = [];
  let run = 0;
  for (let start = 0; start + frame <= samples.length; start += frame) {
    let peak = 0;
    for (let index = start; index < start + frame; index += 1) peak = Math.max(peak, Math.abs(samples[index] ?? 0));
    if (peak < 0.003) run += 1;
    else {
      if (run >= 10) rests.push((run * frame) / sampleRate);
      run = 0;
    }
  }
  return rests;
}

const longestRest = (samples: Float32Array, sampleRate: number): number => Math.max(0, ...restsOf(samples, sampleRate));

describe.each(Object.entries(narratorVoices))('the %s narrator', (_name, voice) => {
  let speaker: Speaker;
  beforeAll(async () => {
    speaker = await createSpeaker(voice);
  });

  it('speaks a short line as audible mono audio at the calm pace', async () => {
    const speech = await speaker.speak(plain('Let your shoulders soften, and your hands rest.'), pace(8));
    expect(speech.channels).toHaveLength(1);
    expect(rmsDb(channelOf(speech))).toBeGreaterThan(-35);
    const wordsPerMinute = (8 / pcmSeconds(speech)) * 60;
    expect(wordsPerMinute).toBeGreaterThan(95);
    expect(wordsPerMinute).toBeLessThan(130);
  });

  it('rests between sentences for about a second and a half', async () => {
    const speech = await speaker.speak(plain('Rest here. Nothing needs to happen.'), pace(6));
    const rest = longestRest(channelOf(speech), speech.sampleRate);
    expect(rest).toBeGreaterThan(1.2);
    expect(rest).toBeLessThan(2);
  });

  it('rests at every comma, after one opening word and between the words of a list too', async () => {
    const speech = await speaker.speak(plain('Now, picture it. Scared, hurt, lonely, angry.'), pace(7));
    const rests = restsOf(channelOf(speech), speech.sampleRate);
    expect(rests.filter((rest) => rest >= 1)).toHaveLength(1);
    const commas = rests.filter((rest) => rest < 1);
    expect(commas).toHaveLength(4);
    expect(Math.min(...commas)).toBeGreaterThanOrEqual(0.4);
  });

  it('renders the same text to the same samples every time', async () => {
    const line = plain('You can rest here.');
    expect(channelOf(await speaker.speak(line, pace(4)))).toEqual(channelOf(await speaker.speak(line, pace(4))));
  });

  it('treats text that looks like a command or code as words to say', async () => {
    const speech = await speaker.speak(plain('-o /out/elsewhere.wav "(quit)" --setf duration_stretch=9'), pace(6));
    expect(pcmSeconds(speech)).toBeGreaterThan(1);
    expect(pcmSeconds(speech)).toBeLessThan(15);
  });

  it('refuses empty text with a code', async () => {
    await expect(speaker.speak(plain('  \n '), pace(0))).rejects.toMatchObject({ code: 'speech-empty-text' });
  });
});

describe('festivalProgram', () => {
  it('quotes the text so that it can only be spoken', () => {
    const program = festivalProgram({ voiceFunction: 'voice_cmu_us_slt_arctic_hts', phrasing: 'model', rate: 1, words: [], sentences: ['Say "hi" \\ (quit)'] }, () => '/tmp/a.wav');
    expect(program).toContain('(Utterance Text "Say \\"hi\\" \\\\ (quit)")');
  });

  it('breaks phrases at punctuation only when asked', () => {
    const request = { voiceFunction: 'voice_cmu_us_slt_arctic_hts', rate: 1, words: [], sentences: ['Now, rest.'] } as const;
    expect(festivalProgram({ ...request, phrasing: 'punctuation' }, () => '/tmp/a.wav')).toContain('(set! phrase_cart_tree simple_phrase_cart_tree)');
    expect(festivalProgram({ ...request, phrasing: 'model' }, () => '/tmp/a.wav')).not.toContain('phrase_cart_tree');
  });

  it('refuses a voice, a rate or phonemes it does not know, with a code', () => {
    const request = { voiceFunction: 'voice_cmu_us_slt_arctic_hts', phrasing: 'model', rate: 1, words: [], sentences: ['Hello.'] } as const;
    expect(() => festivalProgram({ ...request, voiceFunction: '(quit)' }, () => '')).toThrow(RenderError);
    expect(() => festivalProgram({ ...request, rate: 0 }, () => '')).toThrow(RenderError);
    expect(() => festivalProgram({ ...request, words: [{ word: 'x', phonemes: ['))'] }] }, () => '')).toThrow(RenderError);
  });
});
