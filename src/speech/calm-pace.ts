import { pcmFrames, pcmSeconds, type Pcm } from './pcm';

/** A rest the engine put into a line, in seconds from its start, with the punctuation before it. */
export interface SpeechPause {
  readonly start: number;
  readonly end: number;
  readonly punctuation: string;
}

export interface Rests {
  /** After a comma, semicolon, colon or dash. */
  readonly commaSeconds: number;
  /** After a full stop, question or exclamation mark inside a line. */
  readonly sentenceSeconds: number;
  /** Where the engine breaks a phrase without punctuation (only engines that say where they pause). */
  readonly phraseSeconds: number;
}

const commaMarks = /[,;:—–]/u;
const sentenceMarks = /[.!?…]/u;

/** The rest a pause should last: by the punctuation before it, or a phrase's rest where there is none. */
function restOf(pause: SpeechPause, rests: Rests): number {
  if (sentenceMarks.test(pause.punctuation)) return rests.sentenceSeconds;
  if (commaMarks.test(pause.punctuation)) return rests.commaSeconds;
  return rests.phraseSeconds;
}

/** The pauses between words: not the silence the engine puts before the first word and after the last. */
function innerPauses(pcm: Pcm, pauses: readonly SpeechPause[]): SpeechPause[] {
  const total = pcmSeconds(pcm);
  return pauses.filter((pause) => pause.start > 0.001 && pause.end < total - 0.02);
}

/** A pause, the engine's and the added silence together, lasts at most this many times its rest. */
const longestOverRest = 1.2;

/**
 * The silence added in the middle of an engine's pause so that it is heard as its rest. Only half
 * of the engine's own pause counts: the voice fades into and out of it, and counted whole, a comma
 * was heard as 0.36 s where it should rest 0.55 s. Where the engine's own pause is long already,
 * the whole stays under a little more than the rest: counted by half alone, a sentence inside a
 * line rested 2.1 s, where 1.2–2 s keeps the line together.
 */
function addedSilence(pause: SpeechPause, rests: Rests): number {
  const rest = restOf(pause, rests);
  const own = pause.end - pause.start;
  return Math.max(0, Math.min(rest - own / 2, rest * longestOverRest - own));
}

/**
 * Makes each pause inside a sentence last its rest, by adding silence in the middle of the engine's
 * own pause (never shortening one, never stretching a sound). Pauses in the engine's seconds.
 */
export function restAtPauses(pcm: Pcm, pauses: readonly SpeechPause[], rests: Rests): Pcm {
  const inserts: { at: number; frames: number }[] = [];
  for (const pause of innerPauses(pcm, pauses)) {
    const added = addedSilence(pause, rests);
    if (added > 0) inserts.push({ at: Math.round(((pause.start + pause.end) / 2) * pcm.sampleRate), frames: Math.round(added * pcm.sampleRate) });
  }
  const frames = pcmFrames(pcm) + inserts.reduce((sum, insert) => sum + insert.frames, 0);
  const channels = pcm.channels.map((source) => {
    const target = new Float32Array(frames);
    let read = 0;
    let write = 0;
    for (const insert of inserts) {
      target.set(source.subarray(read, insert.at), write);
      write += insert.at - read + insert.frames;
      read = insert.at;
    }
    target.set(source.subarray(read), write);
    return target;
  });
  return { sampleRate: pcm.sampleRate, channels };
}

/** Seconds of voice in a rendering: from the first word to the last, less the pauses that become rests. */
export function voicedSeconds(pcm: Pcm, pauses: readonly SpeechPause[], rests: Rests): { voiced: number; rests: number } {
  const total = pcmSeconds(pcm);
  const leading = pauses.find((pause) => pause.start <= 0.001);
  const trailing = pauses.find((pause) => pause.end >= total - 0.02);
  let voiced = total - (leading ? leading.end : 0) - (trailing ? total - trailing.start : 0);
  let restSeconds = 0;
  for (const pause of innerPauses(pcm, pauses)) {
    const length = pause.end - pause.start;
    voiced -= length;
    restSeconds += length + addedSilence(pause, rests);
  }
  return { voiced, rests: restSeconds };
}

/**
 * The engine rate that brings a line to `wordsPerMinute` from its first word to its last, rests
 * included, from a rendering at rate 1: the voice's own durations scale by 1 / rate, the rests do not.
 */
export function rateFor(words: number, wordsPerMinute: number, measured: { voiced: number; rests: number }, range: { min: number; max: number }): number {
  const target = (words / wordsPerMinute) * 60;
  const forVoice = target - measured.rests;
  const rate = forVoice > 0 ? measured.voiced / forVoice : range.min;
  return Math.min(range.max, Math.max(range.min, rate));
}
