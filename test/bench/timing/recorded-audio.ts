import { readFileSync } from 'node:fs';

export interface RecordedAudio {
  readonly left: Float32Array;
  readonly right: Float32Array;
  /** (left + right) / 2: where centred sounds are looked for. */
  readonly mid: Float32Array;
}

/** Reads a raw interleaved s16le stereo recording into three float signals. */
export function readRecording(path: string): RecordedAudio {
  const bytes = readFileSync(path);
  const samples = new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 2));
  const frames = Math.floor(samples.length / 2);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const mid = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) {
    const l = (samples[2 * frame] ?? 0) / 32768;
    const r = (samples[2 * frame + 1] ?? 0) / 32768;
    left[frame] = l;
    right[frame] = r;
    mid[frame] = (l + r) / 2;
  }
  return { left, right, mid };
}

/** The channel a sound panned to `pan` is loudest in (StereoPanner at ±1 sends it to one side only). */
export function channelFor(audio: RecordedAudio, pan: number): Float32Array {
  if (pan < 0) return audio.left;
  if (pan > 0) return audio.right;
  return audio.mid;
}
