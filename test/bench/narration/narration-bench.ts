import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packsDir as shippedPacksDir } from '../../../src/compiler/project-paths';
import { defaultNarrator, type NarratorId } from '../../../src/engine/narrators';
import type { EncodedAudio, LibraryIndex, NarrationLine, SessionManifest } from '../../../src/engine/pack-manifest';
import { stretchTemplate } from '../../../src/engine/plan-template';
import { percentile } from '../timing/statistics';
import { bandwidth, integratedLoudness, measureLine, type LineFigures } from './measure-speech';

/** What a person hears of one narrator in one session, measured in the decoded packs. */
export interface NarrationFigures {
  readonly session: string;
  readonly narrator: NarratorId;
  readonly wpmMedian: number;
  readonly wpmP90: number;
  readonly wpmMax: number;
  /**
   * Rests inside lines: at commas (as many of a line's sub-second rests as it has commas, the
   * longest ones), where the voice breaks a phrase with no punctuation (the other sub-second
   * ones), and a second or longer (sentences).
   */
  readonly commaRestMin: number;
  readonly commaRestMedian: number;
  readonly phraseRestMin: number;
  readonly sentenceRestMin: number;
  readonly sentenceRestMax: number;
  /** The shortest silence between two lines at the default length (from the plan). */
  readonly lineGapMin: number;
  readonly lufs: number;
  /** Between lines of a second or more: the loudest minus the quietest. */
  readonly lufsSpread: number;
  readonly webmHighBandDb: number;
  readonly webmTopHz: number;
  readonly mp3HighBandDb: number;
  readonly mp3TopHz: number;
  readonly webmBytesPerSpokenMinute: number;
  readonly mp3BytesPerSpokenMinute: number;
}

const decodeRate = 48_000;

function decode(path: string): Float32Array {
  const bytes = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'f32le', '-ac', '1', '-ar', String(decodeRate), 'pipe:1'], { maxBuffer: 1 << 30 });
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/** Commas, semicolons, colons and dashes inside a line: each should be heard as a rest. */
const commaCount = (text: string): number => (text.match(/[,;:—–](?=\s)/gu) ?? []).length;

/** A line's sub-second rests split into those at its commas (the longest, one per comma) and the others. */
function restsAtCommas(rests: readonly number[], text: string): { commas: number[]; phrases: number[] } {
  const short = rests.filter((rest) => rest < 1).sort((a, b) => b - a);
  const count = commaCount(text);
  return { commas: short.slice(0, count), phrases: short.slice(count) };
}

const round = (value: number, places = 1): number => Math.round(value * 10 ** places) / 10 ** places;
const median = (values: readonly number[]): number => (values.length > 0 ? percentile(values, 50) : Number.NaN);

function clipOf(samples: Float32Array, line: NarrationLine): Float32Array {
  return samples.subarray(Math.round(line.start * decodeRate), Math.round((line.start + line.duration) * decodeRate));
}

function shortestLineGap(manifest: SessionManifest): number {
  const plan = stretchTemplate(manifest.template, { minutes: manifest.length.default });
  const voices = plan.events.filter((event) => event.kind === 'voice');
  let shortest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < voices.length; index += 1) {
    const before = voices[index - 1];
    const after = voices[index];
    if (before && after) shortest = Math.min(shortest, after.at - (before.at + before.duration));
  }
  return shortest;
}

function measureNarrator(session: string, narrator: NarratorId, packDir: string, audio: EncodedAudio, lines: readonly NarrationLine[], lineGapMin: number): NarrationFigures {
  const webm = decode(join(packDir, audio.webm.path));
  const mp3 = decode(join(packDir, audio.mp3.path));
  const figures: (LineFigures & { seconds: number })[] = lines.map((line) => ({ ...measureLine(clipOf(webm, line), decodeRate, line.text), seconds: line.duration }));
  const wpm = figures.map((line) => line.wordsPerMinute);
  const rests = figures.flatMap((line) => line.rests);
  const split = figures.map((line, index) => restsAtCommas(line.rests, lines[index]?.text ?? ''));
  const commas = split.flatMap((line) => line.commas);
  const phrases = split.flatMap((line) => line.phrases);
  const sentences = rests.filter((rest) => rest >= 1);
  const loudness = figures.filter((line) => line.seconds >= 1 && Number.isFinite(line.lufs)).map((line) => line.lufs);
  const speech = (samples: Float32Array): Float32Array => {
    const parts = lines.map((line) => clipOf(samples, line));
    const joined = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  };
  const webmSpeech = speech(webm);
  const webmBand = bandwidth(webmSpeech, decodeRate);
  const mp3Band = bandwidth(speech(mp3), decodeRate);
  const spokenMinutes = lines.reduce((sum, line) => sum + line.duration, 0) / 60;
  return {
    session,
    narrator,
    wpmMedian: round(median(wpm), 0),
    wpmP90: round(percentile(wpm, 90), 0),
    wpmMax: round(Math.max(...wpm), 0),
    commaRestMin: round(Math.min(...commas), 2),
    commaRestMedian: round(median(commas), 2),
    phraseRestMin: phrases.length > 0 ? round(Math.min(...phrases), 2) : Number.NaN,
    sentenceRestMin: round(Math.min(...sentences), 2),
    sentenceRestMax: round(Math.max(...sentences), 2),
    lineGapMin: round(lineGapMin, 2),
    lufs: round(integratedLoudness(webmSpeech, decodeRate)),
    lufsSpread: round(Math.max(...loudness) - Math.min(...loudness)),
    webmHighBandDb: round(webmBand.highBandDb),
    webmTopHz: webmBand.topHz,
    mp3HighBandDb: round(mp3Band.highBandDb),
    mp3TopHz: mp3Band.topHz,
    webmBytesPerSpokenMinute: Math.round(audio.webm.bytes / spokenMinutes),
    mp3BytesPerSpokenMinute: Math.round(audio.mp3.bytes / spokenMinutes),
  };
}

/** Every shipped session's narration, for each narrator, measured from the packs in `packsDir` (public/packs/). */
export function benchNarration(packsDir: string = shippedPacksDir): NarrationFigures[] {
  const index = JSON.parse(readFileSync(join(packsDir, 'index.json'), 'utf8')) as LibraryIndex;
  const figures: NarrationFigures[] = [];
  for (const entry of index.sessions) {
    const packDir = join(packsDir, entry.id);
    const manifest = JSON.parse(readFileSync(join(packDir, 'manifest.json'), 'utf8')) as SessionManifest;
    const gap = shortestLineGap(manifest);
    // Recorded takes are a person's voice, not a narrator's: they are left out.
    const synthetic = (lines: Readonly<Record<string, NarrationLine>>): NarrationLine[] => Object.values(lines).filter((line) => line.take === undefined);
    figures.push(measureNarrator(entry.id, defaultNarrator, packDir, manifest.narration, synthetic(manifest.lines), gap));
    for (const [narrator, other] of Object.entries(manifest.narrators ?? {}) as [NarratorId, { narration: EncodedAudio; lines: Record<string, NarrationLine> }][]) {
      figures.push(measureNarrator(entry.id, narrator, packDir, other.narration, synthetic(other.lines), gap));
    }
  }
  return figures;
}
