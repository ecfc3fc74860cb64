const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const codes = new TextEncoder().encode(alphabet);
const values = new Int16Array(128).fill(-1);
for (let index = 0; index < alphabet.length; index += 1) values[alphabet.charCodeAt(index)] = index;

const shape = /^[A-Za-z0-9+/]*={0,2}$/u;

/** Standard base64 with padding; linear in time, for recordings of any size. */
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = codes[(n >> 18) & 63] ?? 0;
    out[o++] = codes[(n >> 12) & 63] ?? 0;
    out[o++] = codes[(n >> 6) & 63] ?? 0;
    out[o++] = codes[n & 63] ?? 0;
  }
  const left = bytes.length - i;
  if (left > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (left === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[o++] = codes[(n >> 18) & 63] ?? 0;
    out[o++] = codes[(n >> 12) & 63] ?? 0;
    out[o++] = left === 2 ? (codes[(n >> 6) & 63] ?? 0) : 61;
    out[o++] = 61;
  }
  return new TextDecoder().decode(out);
}

/** Decodes standard padded base64, or returns undefined if `text` is not exactly that. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !shape.test(text)) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = values[text.charCodeAt(i)] ?? 0;
    const b = values[text.charCodeAt(i + 1)] ?? 0;
    const c = values[text.charCodeAt(i + 2)] ?? 0;
    const d = values[text.charCodeAt(i + 3)] ?? 0;
    const n = (a << 18) | (b << 12) | (Math.max(c, 0) << 6) | Math.max(d, 0);
    if (o < bytes.length) bytes[o++] = (n >> 16) & 255;
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255;
    if (o < bytes.length) bytes[o++] = n & 255;
  }
  return bytes;
}
