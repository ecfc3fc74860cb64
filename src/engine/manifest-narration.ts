import { legacySessionManifestFormat, sessionManifestFormat, type EncodedAudio, type PackFile } from './pack-manifest';

/**
 * The narration files a session manifest names, of this version or an earlier one: all the
 * downloader needs. Read by hand rather than with the manifest's schema, which would put the
 * schema library on the first screen; every file is checked against its SHA-256 when stored.
 */
export function readManifestNarration(value: unknown): EncodedAudio | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { format, narration } = value as { format?: unknown; narration?: unknown };
  if (format !== sessionManifestFormat && format !== legacySessionManifestFormat) return undefined;
  if (typeof narration !== 'object' || narration === null) return undefined;
  const { webm, mp3 } = narration as { webm?: unknown; mp3?: unknown };
  return isPackFile(webm) && isPackFile(mp3) ? { webm, mp3 } : undefined;
}

function isPackFile(value: unknown): value is PackFile {
  if (typeof value !== 'object' || value === null) return false;
  const { path, bytes, sha256 } = value as Partial<Record<keyof PackFile, unknown>>;
  return typeof path === 'string' && /^[A-Za-z0-9._-]+$/u.test(path) && Number.isSafeInteger(bytes) && typeof sha256 === 'string' && /^[0-9a-f]{64}$/u.test(sha256);
}
