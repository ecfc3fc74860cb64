/** A line's speech as a listener hears it: from its first sound to its last, with the silences inside. */
export interface SpeechSpan {
  /** Seconds from the first sounding 10 ms to the last. */
  readonly seconds: number;
  /** Every silence of at least 0.25 s inside the span, in seconds (two decimals). */
  readonly rests: readonly number[];
}

const frameSeconds = 0.01;
/** Quieter than this under the line's loudest 10 ms counts as silence. */
const silenceDb = -40;
const shortestRest = 0.25;

function frameLevels(samples: Float32Array, sampleRate: number): Float64Array {
  const frame = Math.round(sampleRate * frameSeconds);
  const levels = new Float64Array(Math.floor(samples.length / frame));
  for (let index = 0; index < levels.length; index += 1) {
    let sum = 0;
    for (let at = index * frame; at < (index + 1) * frame; at += 1) sum += (samples[at] ?? 0) ** 2;
    levels[index] = Math.sqrt(sum / frame);
  }
  return levels;
}

/** Words as a listener counts them: anything with a letter or a digit. */
export const wordsOf = (text: string): number => text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/** Where the speech of one clip starts and ends and where it rests, found in its audio alone. */
export function speechSpan(samples: Float32Array, sampleRate: number): SpeechSpan {
  const levels = frameLevels(samples, sampleRate);
  const loudest = levels.reduce((max, level) => Math.max(max, level), 0);
  const threshold = loudest * 10 ** (silenceDb / 20);
  const sounding = [...levels].map((level) => level > threshold);
  const first = sounding.indexOf(true);
  const last = sounding.lastIndexOf(true);
  if (first < 0) return { seconds: 0, rests: [] };
  const rests: number[] = [];
  let run = 0;
  for (let index = first; index <= last; index += 1) {
    if (sounding[index]) {
      if (run * frameSeconds >= shortestRest) rests.push(Math.round(run * frameSeconds * 100) / 100);
      run = 0;
    } else run += 1;
  }
  return { seconds: (last - first + 1) * frameSeconds, rests };
}
