import type { Pcm } from '../pcm';
import { compileFlite, runFlite } from './flite-wasi';
import { RenderError } from './render-error';
import { decodeWav } from './wav';

export interface VoiceSettings {
  /** Flite's built-in US English female voice; the only one we ship for now. */
  readonly voice: 'slt';
  /** Flite `duration_stretch`: 1 is Flite's normal pace, larger is slower. */
  readonly durationStretch: number;
  /** Flite `int_f0_target_mean`, in Hz (slt speaks around 170 Hz by default). */
  readonly pitchMean: number;
  /** Flite `int_f0_target_stddev`, in Hz (slt's own is about 35): lower is flatter. Default 28. */
  readonly pitchStddev?: number;
}

const CALM_PITCH_STDDEV = 28;
const BUILT_IN_VOICES: ReadonlySet<string> = new Set(['slt']);

/** Slower, slightly lower and a little less sing-song than Flite's default slt. */
export const calmVoice: VoiceSettings = {
  voice: 'slt',
  durationStretch: 1.3,
  pitchMean: 160,
  pitchStddev: CALM_PITCH_STDDEV,
};

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
  const pitchStddev = voice.pitchStddev ?? CALM_PITCH_STDDEV;
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
