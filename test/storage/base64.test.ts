import { afterEach, describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/storage/base64';

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, index) => (index * 73 + 11) % 256);

describe('base64 for recordings in a backup', () => {
  afterEach(() => {
    Reflect.deleteProperty(Uint8Array, 'fromBase64');
    Reflect.deleteProperty(Uint8Array.prototype, 'toBase64');
  });

  it('writes what every base64 reader reads, for every padding and for sizes past one chunk', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100_001]) {
      const bytes = bytesOf(length);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(text)).toEqual(bytes);
    }
  });

  it('refuses text that is not exactly padded base64', () => {
    for (const text of ['not base64!', 'QQ', 'QQ=', 'QUJD RA==', 'QQ==QQ==', 'QUJ\nD']) expect(base64ToBytes(text)).toBeUndefined();
  });

  it("uses the browser's own base64 where it has it", () => {
    const used: string[] = [];
    Object.defineProperty(Uint8Array, 'fromBase64', { configurable: true, value: (text: string) => (used.push('from'), new Uint8Array(Buffer.from(text, 'base64'))) });
    Object.defineProperty(Uint8Array.prototype, 'toBase64', {
      configurable: true,
      value(this: Uint8Array) {
        used.push('to');
        return Buffer.from(this).toString('base64');
      },
    });
    expect(base64ToBytes(bytesToBase64(bytesOf(10)))).toEqual(bytesOf(10));
    expect(used).toEqual(['to', 'from']);
  });
});
