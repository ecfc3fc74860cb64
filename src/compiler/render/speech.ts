import { splitSentences } from '../../engine/speech-estimate';
import type { SpokenForm } from '../lexicon';
import { joinWithSilence, pcmFrames, pcmSeconds, type Pcm } from '../pcm';
import type { NarratorVoice } from '../voice';
import { rateFor, restAtPauses, voicedSeconds, type Rests, type SpeechPause } from './calm-pace';
import { runFestival, type FestivalPart, type FestivalPhrasing } from './festival';
import { compileFlite, runFlite } from './flite-wasi';
import { RenderError } from './render-error';
import { trimSilence } from './silence-trim';
import { speechSpan } from './speech-span';
import { decodeWav } from './wav';

/** How a line should sound: its pace from first word to last, and the rests at its punctuation. */
export interface LinePace {
  /** Words of the line as written (a respelling may count differently). */
  readonly words: number;
  readonly wordsPerMinute: number;
  readonly rests: Rests;
  /** The engine's rate stays inside this range. */
  readonly rate: { readonly min: number; readonly max: number };
}

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

function spokenText(text: string): string {
  const spoken = text.replace(/\s+/gu, ' ').trim();
  if (spoken === '') throw new RenderError('speech-empty-text');
  return spoken;
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

/** A line's phrases, each with the rest that follows it (the last one none). */
export function phrasesOf(text: string, rests: Rests): { text: string; restAfter: number }[] {
  const phrases: { text: string; restAfter: number }[] = [];
  for (const sentence of splitSentences(text)) {
    const parts = sentence.split(/(?<=[,;:—–])\s+/u).filter((part) => part.trim() !== '');
    parts.forEach((part, index) => phrases.push({ text: part, restAfter: index === parts.length - 1 ? rests.sentenceSeconds : rests.commaSeconds }));
  }
  const last = phrases.at(-1);
  if (last) last.restAfter = 0;
  return phrases;
}

const fliteBuiltIn: ReadonlySet<string> = new Set(['slt', 'rms', 'awb', 'kal16']);

/**
 * Flite cannot say where its pauses fall, so each phrase (up to a comma or a full stop) is spoken
 * on its own and the rests are put between them; its `duration_stretch` gives the calm pace.
 */
function fliteSpeaker(voice: string, flite: WebAssembly.Module): Speaker {
  if (!fliteBuiltIn.has(voice)) throw new RenderError('speech-bad-voice', `unknown voice ${voice}`);
  const say = async (text: string, stretch: number): Promise<Pcm> => {
    // `-t` makes the next argument the text itself, even if it starts with a dash.
    const wav = await runFlite(flite, ['-voice', voice, '--setf', `duration_stretch=${stretch.toFixed(3)}`, '-t', text]);
    return trimSilence(decodeWav(wav), { thresholdDb: -45, keepSeconds: 0.02 });
  };
  return {
    async speak(line, pace) {
      const phrases = phrasesOf(spokenText(line.text), pace.rests);
      const first = await Promise.all(phrases.map((phrase) => say(phrase.text, 1)));
      const voiced = first.reduce((sum, pcm) => sum + pcmSeconds(pcm), 0);
      const rests = phrases.reduce((sum, phrase) => sum + phrase.restAfter, 0);
      const rate = rateFor(pace.words, pace.wordsPerMinute, { voiced, rests }, pace.rate);
      const paced = rate === 1 ? first : await Promise.all(phrases.map((phrase) => say(phrase.text, 1 / rate)));
      return joinWithRests(paced, phrases.map((phrase) => phrase.restAfter));
    },
  };
}

function joinWithRests(parts: readonly Pcm[], restsAfter: readonly number[]): Pcm {
  const pieces: Pcm[] = [];
  parts.forEach((part, index) => {
    pieces.push(part);
    const rest = restsAfter[index] ?? 0;
    if (rest > 0) pieces.push({ sampleRate: part.sampleRate, channels: part.channels.map(() => new Float32Array(Math.round(rest * part.sampleRate))) });
  });
  const joined = joinWithSilence(pieces, 0);
  if (pcmFrames(joined) === 0) throw new RenderError('speech-failed', 'the engine returned no audio');
  return joined;
}
