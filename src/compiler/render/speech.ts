import { splitSentences } from '../../engine/speech-estimate';
import { rateFor, restAtPauses, voicedSeconds, type Rests, type SpeechPause } from '../../speech/calm-pace';
import { speakFliteLine, type FliteVoice } from '../../speech/flite-line';
import type { LinePace } from '../../speech/line-pace';
import type { Pcm } from '../../speech/pcm';
import { joinWithRests, spokenText } from '../../speech/phrases';
import type { SpokenForm } from '../../speech/respell';
import { trimSilence } from '../../speech/silence-trim';
import { speechSpan } from '../../speech/speech-span';
import { decodeWav } from '../../speech/wav';
import type { NarratorVoice } from '../voice';
import { runFestival, type FestivalPart, type FestivalPhrasing } from './festival';
import { compileFlite, runFlite } from './flite-wasi';
import { RenderError } from './render-error';

export interface Speaker {
  /** Renders one line, as the engine reads it, to mono speech at the engine's own rate, paced and rested. */
  speak(line: SpokenForm, pace: LinePace): Promise<Pcm>;
}

export async function createSpeaker(voice: NarratorVoice): Promise<Speaker> {
  switch (voice.engine) {
    case 'festival':
      return festivalSpeaker(voice.voiceFunction, voice.phrasing);
    case 'flite':
      return fliteSpeaker(voice.voice, await compileFlite());
  }
}

/**
 * Festival speaks each sentence of the line once at its own pace, to learn how long its words take,
 * then again at the rate that gives the calm pace; its pauses inside a sentence are lengthened into
 * rests, and sentences are joined with a sentence's rest.
 */
function festivalSpeaker(voiceFunction: string, phrasing: FestivalPhrasing): Speaker {
  const measure = (parts: readonly { pcm: Pcm; pauses: readonly SpeechPause[] }[], rests: Rests): { voiced: number; rests: number } =>
    parts.reduce(
      (sum, part) => {
        const { voiced, rests: inner } = voicedSeconds(part.pcm, part.pauses, rests);
        return { voiced: sum.voiced + voiced, rests: sum.rests + inner };
      },
      { voiced: 0, rests: (parts.length - 1) * rests.sentenceSeconds },
    );
  const decoded = (parts: readonly FestivalPart[]) => parts.map((part) => ({ pcm: decodeWav(part.wav), pauses: part.pauses }));
  return {
    async speak(line, pace) {
      const request = { voiceFunction, phrasing, words: line.words, sentences: splitSentences(spokenText(line.text)) };
      const first = decoded(await runFestival({ ...request, rate: 1 }));
      const spokenLine = (parts: readonly { pcm: Pcm; pauses: readonly SpeechPause[] }[]): Pcm => {
        const sentences = parts.map((part) => trimSilence(restAtPauses(part.pcm, part.pauses, pace.rests), { thresholdDb: -50, keepSeconds: 0.02 }));
        return joinWithRests(sentences, sentences.map((_, index) => (index === sentences.length - 1 ? 0 : pace.rests.sentenceSeconds)));
      };
      const rate = rateFor(pace.words, pace.wordsPerMinute, measure(first, pace.rests), pace.rate);
      const paced = spokenLine(rate === 1 ? first : decoded(await runFestival({ ...request, rate })));
      const corrected = correctedRate(paced, rate, pace);
      return corrected === undefined ? paced : spokenLine(decoded(await runFestival({ ...request, rate: corrected })));
    },
  };
}

/** How far a line's pace as heard may stray from its target before it is spoken once more. */
const paceTolerance = 0.04;

/**
 * The rate that brings a rendered line to its pace as a listener hears it, from first sound to
 * last, or undefined if it is close enough. The engine's own pause marks miss its quiet word
 * edges, so a short line planned at 114 words a minute was heard at 135.
 */
function correctedRate(pcm: Pcm, rate: number, pace: LinePace): number | undefined {
  const span = speechSpan(pcm.channels[0] ?? new Float32Array(0), pcm.sampleRate);
  if (span.seconds === 0) return undefined;
  const heard = (pace.words / span.seconds) * 60;
  if (Math.abs(heard / pace.wordsPerMinute - 1) <= paceTolerance) return undefined;
  const rests = span.rests.reduce((sum, rest) => sum + rest, 0);
  const wantedVoice = (pace.words / pace.wordsPerMinute) * 60 - rests;
  if (wantedVoice <= 0) return undefined;
  const corrected = Math.min(pace.rate.max, Math.max(pace.rate.min, (rate * (span.seconds - rests)) / wantedVoice));
  return Math.abs(corrected - rate) < 0.005 ? undefined : corrected;
}

const fliteBuiltIn: ReadonlySet<string> = new Set<FliteVoice>(['slt', 'rms', 'awb', 'kal16']);

/** Flite's WebAssembly build, run under node:wasi; the pacing is the app's own (`speakFliteLine`). */
function fliteSpeaker(voice: FliteVoice, flite: WebAssembly.Module): Speaker {
  if (!fliteBuiltIn.has(voice)) throw new RenderError('speech-bad-voice', `unknown voice ${voice}`);
  return {
    speak: (line, pace) => speakFliteLine((args) => runFlite(flite, args), voice, line.text, pace),
  };
}
