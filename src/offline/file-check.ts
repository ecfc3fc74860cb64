/** What a manifest says a file must be: its length and the SHA-256 of its bytes, in hex. */
export interface ExpectedFile {
  readonly bytes: number;
  readonly sha256: string;
}

type Bytes = ArrayBuffer | Uint8Array<ArrayBuffer>;

/** Web Crypto's digests; absent on an insecure origin, although the DOM types always declare them. */
const subtleCrypto = (): SubtleCrypto | undefined => (globalThis.crypto as Partial<Crypto> | undefined)?.subtle;

async function sha256Hex(subtle: SubtleCrypto, bytes: Bytes): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether bytes are exactly the file the manifest names: the length first (a cut file fails at
 * once, with no hashing), then the SHA-256. A page served from an insecure origin has no Web
 * Crypto (and no downloads either); there only the length is checked.
 */
export async function isIntact(bytes: Bytes, expected: ExpectedFile): Promise<boolean> {
  if (bytes.byteLength !== expected.bytes) return false;
  const subtle = subtleCrypto();
  return !subtle || (await sha256Hex(subtle, bytes)) === expected.sha256;
}
