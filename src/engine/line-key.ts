/**
 * A stable content key for a narrated line: the same text in the same voice always gets the same
 * key, so unchanged lines are not rendered again and a stale pack is detected. FNV-1a over two
 * 32-bit lanes; not cryptographic, it only has to notice edits.
 */
export function lineKey(text: string, voice: string): string {
  const input = `${voice}\u0000${text.normalize('NFC')}`;
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let index = 0; index < input.length; index += 1) {
    const code = input.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ (code + index), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
