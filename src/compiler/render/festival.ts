import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { festivalInstallHint } from './festival-hint';
import { RenderError } from './render-error';


/** A rest Festival put into the speech, with the punctuation of the word before it ("" for none). */
export interface FestivalPause {
  readonly start: number;
  readonly end: number;
  readonly punctuation: string;
}

/** One spoken sentence: its audio and the pauses inside it. */
export interface FestivalPart {
  readonly wav: Uint8Array;
  readonly pauses: readonly FestivalPause[];
}

/**
 * Where Festival breaks phrases: at punctuation only, or where its own model says. Its model
 * skipped some commas ("Now, picture…", lists) and broke where none was written, so a comma's
 * rest could not always be placed.
 */
export type FestivalPhrasing = 'punctuation' | 'model';

export interface FestivalRequest {
  /** A Festival voice's setup function, such as `voice_cmu_us_slt_arctic_hts`. */
  readonly voiceFunction: string;
  readonly phrasing: FestivalPhrasing;
  /** The HTS engine's speech rate: 1 is the voice's own pace, smaller is slower (longer model durations). */
  readonly rate: number;
  /** Extra lexicon entries: a word and its phonemes (CMU phones, stress digits on vowels). */
  readonly words: readonly { readonly word: string; readonly phonemes: readonly string[] }[];
  /** Sentences, each spoken as its own utterance (Festival does not always pause between sentences of one). */
  readonly sentences: readonly string[];
}

const phonePattern = /^[a-z]{1,3}[0-2]?$/u;
const voicePattern = /^voice_[a-z0-9_]+$/u;

function schemeString(text: string): string {
  return `"${text.replace(/[\\"]/gu, (character) => `\\${character}`)}"`;
}

/** The Scheme program one line is spoken with: the voice, its rate and words, then per sentence its wave and every pause. */
export function festivalProgram(request: FestivalRequest, wavPath: (index: number) => string): string {
  if (!voicePattern.test(request.voiceFunction)) throw new RenderError('speech-bad-voice', `unknown voice ${request.voiceFunction}`);
  if (!(request.rate >= 0.4 && request.rate <= 1.5)) throw new RenderError('speech-bad-voice', `rate ${request.rate} not in 0.4–1.5`);
  const lexicon = request.words.map(({ word, phonemes }) => {
    if (!phonemes.every((phone) => phonePattern.test(phone))) throw new RenderError('speech-bad-voice', `phonemes of ${word}`);
    return `(lex.add.entry (list ${schemeString(word.toLowerCase())} nil (lex.syllabify.phstress '(${phonemes.join(' ')}))))`;
  });
  return [
    `(${request.voiceFunction})`,
    ...(request.phrasing === 'punctuation' ? [`(Parameter.set 'Phrase_Method 'cart_tree)`, '(set! phrase_cart_tree simple_phrase_cart_tree)'] : []),
    `(set! hts_engine_params (append (list '("-r" ${request.rate.toFixed(3)})) hts_engine_params))`,
    ...lexicon,
    ...request.sentences.flatMap((sentence, index) => [
      `(set! lull_utt (utt.synth (Utterance Text ${schemeString(sentence)})))`,
      `(utt.save.wave lull_utt ${schemeString(wavPath(index))} 'riff)`,
      `(mapcar (lambda (s) (if (string-equal (item.name s) "pau") (format t "PAU ${String(index)} %f %f [%s]\\n" (item.feat s "segment_start") (item.feat s "end") (item.feat s "R:Segment.p.R:SylStructure.parent.parent.R:Token.parent.punc")))) (utt.relation.items lull_utt 'Segment))`,
    ]),
    '',
  ].join('\n');
}

/** Reads the pauses Festival printed for sentence `index`, in order. */
export function readPauses(output: string, index: number): FestivalPause[] {
  const pauses: FestivalPause[] = [];
  for (const match of output.matchAll(/^PAU (\d+) ([\d.]+) ([\d.]+) \[(.*)\]$/gmu)) {
    if (Number(match[1]) !== index) continue;
    const punctuation = match[4] === '0' ? '' : (match[4] ?? '');
    pauses.push({ start: Number(match[2]), end: Number(match[3]), punctuation });
  }
  return pauses;
}

/**
 * Speaks one request with Debian's `festival` in a fresh process, the program on its standard
 * input (no shell, so the text is only ever words to say), into a temporary file.
 */
export async function runFestival(request: FestivalRequest): Promise<FestivalPart[]> {
  const workDir = await mkdtemp(join(tmpdir(), 'lull-festival-'));
  try {
    const wavPath = (index: number): string => join(workDir, `sentence-${String(index)}.wav`);
    const output = await runProgram(festivalProgram(request, wavPath));
    if (output.includes(`unbound variable : ${request.voiceFunction}`)) throw new RenderError('speech-engine-missing', festivalInstallHint);
    const parts: FestivalPart[] = [];
    for (const index of request.sentences.keys()) {
      const wav = await readFile(wavPath(index)).catch(() => undefined);
      if (wav === undefined) throw new RenderError('speech-failed', `festival wrote no audio: ${output.trim().slice(0, 500)}`);
      parts.push({ wav, pauses: readPauses(output, index) });
    }
    return parts;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function runProgram(program: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('festival', ['--pipe'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new RenderError('speech-engine-missing', festivalInstallHint) : new RenderError('speech-failed', error.message));
    });
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new RenderError('speech-failed', `festival exited with ${String(code)}: ${output.trim().slice(0, 500)}`));
    });
    child.stdin.end(program);
  });
}
