/** Base64 as browsers now have it built in (2025: Chromium 140, Firefox 133, Safari 18.2). */
interface NativeBase64 {
  readonly fromBase64?: (text: string) => Uint8Array;
}
interface NativeBytes {
  readonly toBase64?: () => string;
}

const padded = /^[A-Za-z0-9+/]*={0,2}$/u;
/** Bytes per `btoa` call: a multiple of 3, so the pieces join into one text; well under every engine's argument limit. */
const chunk = 3 * 10_922;

/** Standard base64 with padding, from the browser's own `toBase64` where it has one. */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeBytes).toBase64;
  if (native) return native.call(bytes);
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += chunk) pieces.push(btoa(Reflect.apply(String.fromCharCode, null, bytes.subarray(start, start + chunk)) as string));
  return pieces.join('');
}

/** Decodes standard padded base64, or returns undefined if `text` is not exactly that (no spaces, no missing padding). */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !padded.test(text)) return undefined;
  try {
    const native = (Uint8Array as NativeBase64).fromBase64;
    if (native) return native(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    // Padding in the middle ("QQ==QQ==") has the right shape but is not base64.
    return undefined;
  }
}
