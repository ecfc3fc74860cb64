import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EncodedAudio, PackFile } from '../engine/pack-manifest';
import { sha256 } from './hash';
import type { Pcm } from '../speech/pcm';
import { encodeMp3 } from './render/encode-mp3';
import { encodeOpusWebm } from './render/encode-opus';

/**
 * Speech at 24 kHz: Opus at 24 kb/s and MP3 at 32 kb/s (the lowest rate at which LAME keeps 24 kHz
 * and its highs) stay under 0.25 MB per spoken minute.
 * Cues (bells, tones, taps) are short, mono and full-band; ambience is stereo, dark and long.
 */
const profiles = {
  voice: { opusBitrate: 24_000, application: 'voice', mp3Kbps: 32 },
  cues: { opusBitrate: 48_000, application: 'music', mp3Kbps: 64 },
  // Filtered noise and a few soft sounds over it: no tune, no transient a lower rate would smear.
  ambience: { opusBitrate: 32_000, application: 'music', mp3Kbps: 48 },
} as const;

/** Encodes `pcm` to WebM/Opus and MP3 and writes both into `dir` under content-hashed names. */
export async function writeEncoded(dir: string, baseName: string, pcm: Pcm, profile: keyof typeof profiles): Promise<EncodedAudio> {
  const settings = profiles[profile];
  const webm = encodeOpusWebm(pcm, { bitrate: settings.opusBitrate, application: settings.application });
  const mp3 = encodeMp3(pcm, { kbps: settings.mp3Kbps });
  return { webm: await writeHashed(dir, baseName, 'webm', webm), mp3: await writeHashed(dir, baseName, 'mp3', mp3) };
}

async function writeHashed(dir: string, baseName: string, extension: string, bytes: Uint8Array): Promise<PackFile> {
  const hash = sha256(bytes);
  const path = `${baseName}.${hash.slice(0, 10)}.${extension}`;
  await writeFile(join(dir, path), bytes);
  return { path, bytes: bytes.byteLength, sha256: hash };
}

export const encodedFiles = (audio: EncodedAudio): PackFile[] => [audio.webm, audio.mp3];
