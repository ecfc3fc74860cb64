import { beforeAll, describe, expect, it } from 'vitest';
import { pcmSeconds } from '../../../src/compiler/pcm';
import { RenderError } from '../../../src/compiler/render/render-error';
import type { Speaker } from '../../../src/compiler/render/speech';
import { createSpeaker } from '../../../src/compiler/render/speech';
import { calmVoice } from '../../../src/compiler/render/voice-settings';
import { channelOf } from '../synth/signal-checks';
import { rmsDb } from './audio-checks';

describe('speech (Flite under WASI)', () => {
  let speaker: Speaker;
  beforeAll(async () => {
    speaker = await createSpeaker();
  });

  it('speaks a short line as audible mono audio of a plausible length', async () => {
    const speech = await speaker.speak('Breathe in slowly, and let it go.');
    expect(speech.channels).toHaveLength(1);
    expect(speech.sampleRate).toBe(16000);
    expect(pcmSeconds(speech)).toBeGreaterThan(1);
    expect(pcmSeconds(speech)).toBeLessThan(6);
    expect(rmsDb(channelOf(speech))).toBeGreaterThan(-35);
  });

  it('speaks the calm voice more slowly than Flite’s normal pace', async () => {
    const line = 'Let your shoulders soften.';
    const calm = await speaker.speak(line);
    const brisk = await speaker.speak(line, { ...calmVoice, durationStretch: 1 });
    expect(pcmSeconds(calm) / pcmSeconds(brisk)).toBeGreaterThan(1.15);
  });

  it('renders the same text to the same samples every time', async () => {
    const line = 'You are safe here.';
    expect(channelOf(await speaker.speak(line))).toEqual(channelOf(await speaker.speak(line)));
  });

  it('renders many multi-sentence lines in a row in one process', async () => {
    // flite-wasi.ts guards against a Node 20 WASI crash that only some heap states trigger;
    // this keeps the repeated-render path exercised, though it cannot force that crash.
    for (let run = 0; run < 4; run += 1) {
      const speech = await speaker.speak('Notice your breath. Let it be easy. Rest here.');
      expect(pcmSeconds(speech)).toBeGreaterThan(2);
    }
  });

  it('treats text that looks like a command-line option as words to say', async () => {
    const speech = await speaker.speak('-o /out/elsewhere.wav --setf duration_stretch=9');
    expect(pcmSeconds(speech)).toBeGreaterThan(1);
    expect(pcmSeconds(speech)).toBeLessThan(12);
  });

  it('refuses empty text and out-of-range voices with codes', async () => {
    await expect(speaker.speak('  \n ')).rejects.toMatchObject({ code: 'speech-empty-text' });
    await expect(speaker.speak('Hello.', { ...calmVoice, durationStretch: 0 })).rejects.toBeInstanceOf(RenderError);
    await expect(speaker.speak('Hello.', { ...calmVoice, pitchMean: Number.NaN })).rejects.toMatchObject({
      code: 'speech-bad-voice',
    });
  });
});
