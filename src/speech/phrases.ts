import { splitSentences } from '../engine/speech-estimate';
import type { Rests } from './calm-pace';
import { joinWithSilence, pcmFrames, type Pcm } from './pcm';
import { SpeechError } from './speech-error';

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

/** Spoken parts end to end, each followed by its rest of silence. */
export function joinWithRests(parts: readonly Pcm[], restsAfter: readonly number[]): Pcm {
  const pieces: Pcm[] = [];
  parts.forEach((part, index) => {
    pieces.push(part);
    const rest = restsAfter[index] ?? 0;
    if (rest > 0) pieces.push({ sampleRate: part.sampleRate, channels: part.channels.map(() => new Float32Array(Math.round(rest * part.sampleRate))) });
  });
  const joined = joinWithSilence(pieces, 0);
  if (pcmFrames(joined) === 0) throw new SpeechError('speech-failed', 'the engine returned no audio');
  return joined;
}

/** A line's text as an engine reads it: one line of single spaces; empty text is refused. */
export function spokenText(text: string): string {
  const spoken = text.replace(/\s+/gu, ' ').trim();
  if (spoken === '') throw new SpeechError('speech-empty-text');
  return spoken;
}
