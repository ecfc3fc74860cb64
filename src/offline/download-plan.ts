import type { CommonManifest, EncodedAudio, LegacySessionManifest, PackFile, SessionManifest } from '../engine/pack-manifest';
import type { AmbienceKind } from '../engine/script-model';

/** The one encoding a browser downloads and plays: Opus in WebM, or MP3 where Opus does not play. */
export type AudioCodec = keyof EncodedAudio;

/** One whole file to keep offline, with what it must be once downloaded. */
export interface PlannedFile {
  readonly url: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** Bytes stored out of bytes needed. */
export interface ByteProgress {
  readonly done: number;
  readonly total: number;
}

export interface SessionPlanInput {
  readonly manifestUrl: URL;
  readonly manifest: Pick<SessionManifest | LegacySessionManifest, 'narration'>;
  readonly commonUrl: URL;
  readonly common: CommonManifest;
  /** The ambience loops the session's script can play, on any branch. */
  readonly ambience: readonly AmbienceKind[];
  readonly codec: AudioCodec;
}

const planned = (file: PackFile, base: URL): PlannedFile => ({ url: new URL(file.path, base).href, bytes: file.bytes, sha256: file.sha256 });

/** The audio a session needs to play offline: its narration, the shared cues, the ambience it uses. */
export function sessionFiles({ manifestUrl, manifest, commonUrl, common, ambience, codec }: SessionPlanInput): PlannedFile[] {
  return [
    planned(manifest.narration[codec], manifestUrl),
    planned(common.cues.audio[codec], commonUrl),
    ...ambience.map((kind) => planned(common.ambience[kind].audio[codec], commonUrl)),
  ];
}

/** Every file of several sessions once, in first-seen order (sessions share cues and ambience). */
export function unionOfFiles(lists: readonly (readonly PlannedFile[])[]): PlannedFile[] {
  const byUrl = new Map<string, PlannedFile>();
  for (const file of lists.flat()) if (!byUrl.has(file.url)) byUrl.set(file.url, file);
  return [...byUrl.values()];
}

/** Stored files count whole; a file being fetched counts what has arrived so far. */
export function progressOf(files: readonly PlannedFile[], stored: ReadonlySet<string>, arriving: ReadonlyMap<string, number>): ByteProgress {
  let done = 0;
  let total = 0;
  for (const file of files) {
    total += file.bytes;
    done += stored.has(file.url) ? file.bytes : Math.min(file.bytes, arriving.get(file.url) ?? 0);
  }
  return { done, total };
}

export function isComplete(files: readonly PlannedFile[], stored: ReadonlySet<string>): boolean {
  return files.every((file) => stored.has(file.url));
}

/** Of `candidates`, the files no session in `keep` needs: what can be deleted without breaking them. */
export function filesNoLongerNeeded(candidates: readonly string[], keep: readonly (readonly PlannedFile[])[]): string[] {
  const needed = new Set(keep.flat().map((file) => file.url));
  return [...new Set(candidates)].filter((url) => !needed.has(url));
}
