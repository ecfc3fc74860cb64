import { execFileSync, spawnSync } from 'node:child_process';

/** Decodes an audio file with ffmpeg to float channels at `sampleRate` (each channel its own array). */
export function decodeWithFfmpeg(path: string, sampleRate: number, channels: 1 | 2): Float32Array[] {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'f32le', '-ac', String(channels), '-ar', String(sampleRate), '-'], { maxBuffer: 1 << 30 });
  const interleaved = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const frames = Math.floor(interleaved.length / channels);
  return Array.from({ length: channels }, (_, channel) => {
    const samples = new Float32Array(frames);
    for (let frame = 0; frame < frames; frame += 1) samples[frame] = interleaved[frame * channels + channel] ?? 0;
    return samples;
  });
}

/** ffmpeg's own `ebur128` integrated loudness of a file, in LUFS. */
export function ffmpegLoudness(path: string): number {
  // ffmpeg prints the filter's summary on stderr.
  const result = spawnSync('ffmpeg', ['-nostats', '-hide_banner', '-i', path, '-af', 'ebur128', '-f', 'null', '-'], { encoding: 'utf8' });
  return parseLoudness(result.stderr);
}

function parseLoudness(text: string): number {
  const summary = text.slice(text.lastIndexOf('Integrated loudness'));
  const value = /I:\s+(-?[\d.]+) LUFS/u.exec(summary)?.[1];
  if (value === undefined) throw new Error('ffmpeg printed no integrated loudness');
  return Number(value);
}
