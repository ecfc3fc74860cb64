import type { Pcm } from '../pcm';
import { compileFlite, runFlite } from './flite-wasi';
import { RenderError } from './render-error';
import { calmVoice, type VoiceSettings } from './voice-settings';
import { decodeWav } from './wav';

const BUILT_IN_VOICES: ReadonlySet<string> = new Set(['slt']);

export interface Speaker {
  /** Renders `text` to mono 16 kHz speech. */
  speak(text: string, voice?: VoiceSettings): Promise<Pcm>;
}

export async function createSpeaker(): Promise<Speaker> {
  const flite = await compileFlite();
  return {
    async speak(text, voice = calmVoice) {
      return decodeWav(await runFlite(flite, fliteArguments(text, voice)));
    },
  };
}

function fliteArguments(text: string, voice: VoiceSettings): string[] {
  const spoken = text.replace(/\s+/g, ' ').trim();
  if (spoken === '') throw new RenderError('speech-empty-text');
  // Settings can come from data, and `-voice` would also load a voice file by path.
  if (!BUILT_IN_VOICES.has(voice.voice)) throw new RenderError('speech-bad-voice', `unknown voice ${voice.voice}`);
  assertInRange('durationStretch', voice.durationStretch, 0.5, 3);
  assertInRange('pitchMean', voice.pitchMean, 60, 400);
  const { pitchStddev } = voice;
  assertInRange('pitchStddev', pitchStddev, 0, 100);
  return [
    '-voice', voice.voice,
    '--setf', `duration_stretch=${voice.durationStretch}`,
    '--setf', `int_f0_target_mean=${voice.pitchMean}`,
    '--setf', `int_f0_target_stddev=${pitchStddev}`,
    // `-t` makes the next argument the text itself, even if it starts with a dash.
    '-t', spoken,
  ];
}

function assertInRange(name: string, value: number, min: number, max: number): void {
  if (!(value >= min && value <= max)) throw new RenderError('speech-bad-voice', `${name} ${value} not in ${min}–${max}`);
}
