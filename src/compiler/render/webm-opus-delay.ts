/**
 * Adds the Matroska CodecDelay and SeekPreRoll elements that WebM's Opus mapping asks for (webm-muxer
 * writes neither). They go into the Void padding webm-muxer reserves after CodecPrivate, so no
 * element size or offset in the file changes.
 */
export function writeOpusDelays(webm: Uint8Array, codecDelayNs: number, seekPreRollNs: number): Uint8Array {
  const out = webm.slice();
  const codecPrivate = findElement(out, [SEGMENT, TRACKS, TRACK_ENTRY, CODEC_PRIVATE]);
  const padding = codecPrivate === undefined ? undefined : readElement(out, codecPrivate.end);
  if (padding === undefined || padding.id !== VOID || padding.end - padding.start < DELAYS_BYTES + MIN_VOID_BYTES) {
    throw new Error('webm-muxer did not leave Void padding after CodecPrivate');
  }
  let at = padding.start;
  at = writeUintElement(out, at, CODEC_DELAY, codecDelayNs);
  at = writeUintElement(out, at, SEEK_PRE_ROLL, seekPreRollNs);
  out[at] = VOID;
  writeVint4(out, at + 1, padding.end - at - MIN_VOID_BYTES);
  return out;
}

const SEGMENT = 0x18538067;
const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const CODEC_PRIVATE = 0x63a2;
const VOID = 0xec;
const CODEC_DELAY = 0x56aa;
const SEEK_PRE_ROLL = 0x56bb;
const DELAYS_BYTES = 2 * (2 + 1 + 4);
const MIN_VOID_BYTES = 1 + 4;

interface Element {
  readonly id: number;
  readonly start: number;
  readonly dataStart: number;
  readonly end: number;
}

/** Depth-first: the first element matching each id in turn, starting at the file's top level. */
function findElement(bytes: Uint8Array, path: readonly number[]): Element | undefined {
  let from = 0;
  let to = bytes.length;
  let found: Element | undefined;
  for (const id of path) {
    found = undefined;
    for (let at = from; at < to; ) {
      const element = readElement(bytes, at);
      if (element === undefined) return undefined;
      if (element.id === id) {
        found = element;
        break;
      }
      at = element.end;
    }
    if (found === undefined) return undefined;
    from = found.dataStart;
    to = found.end;
  }
  return found;
}

function readElement(bytes: Uint8Array, start: number): Element | undefined {
  const id = readVint(bytes, start, true);
  if (id === undefined) return undefined;
  const size = readVint(bytes, start + id.length, false);
  if (size === undefined) return undefined;
  const dataStart = start + id.length + size.length;
  return { id: id.value, start, dataStart, end: Math.min(bytes.length, dataStart + size.value) };
}

function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return { value, length };
}

function writeUintElement(bytes: Uint8Array, at: number, id: number, value: number): number {
  bytes[at] = id >> 8;
  bytes[at + 1] = id & 0xff;
  bytes[at + 2] = 0x84; // size: 4 bytes
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at + 3, value);
  return at + 7;
}

function writeVint4(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, 0x10000000 | value);
}
