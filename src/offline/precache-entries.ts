/** A built file: its path under the output folder (forward slashes) and a hash of its content. */
export interface BuiltFile {
  readonly path: string;
  readonly contentHash: string;
}

export interface ShellEntry {
  readonly url: string;
  /** Null where the file name already carries a content hash. */
  readonly revision: string | null;
}

/**
 * What is not app shell: the audio packs (too big; kept only by an explicit download), the
 * service worker itself, the install screenshots, the host's header rules, source maps.
 */
const notShell = [/^packs\//u, /^screenshots\//u, /^sw\.js$/u, /^_headers$/u, /\.map$/u];

/** Vite writes bundled files as `assets/<name>-<hash>.<ext>`. */
const hashedName = /^assets\//u;

/** The precache manifest the service worker is built with: the app shell, in a stable order. */
export function precacheEntries(files: readonly BuiltFile[]): ShellEntry[] {
  return files
    .filter((file) => !notShell.some((pattern) => pattern.test(file.path)))
    .map((file) => ({ url: `/${file.path}`, revision: hashedName.test(file.path) ? null : file.contentHash }))
    .sort((a, b) => a.url.localeCompare(b.url));
}
