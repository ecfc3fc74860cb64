import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isIntact } from '../../src/offline/file-check';

const bytes = new TextEncoder().encode('a narration, as bytes');
const expected = { bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };

describe('checking a file against its manifest', () => {
  it('accepts exactly the bytes the manifest names', async () => {
    expect(await isIntact(bytes, expected)).toBe(true);
    expect(await isIntact(bytes.slice().buffer, expected)).toBe(true);
  });

  it('rejects a file cut short', async () => {
    expect(await isIntact(bytes.slice(0, 3), expected)).toBe(false);
  });

  it('rejects a file of the right length with other bytes in it', async () => {
    const changed = bytes.slice();
    changed[5] = (changed[5] ?? 0) ^ 1;
    expect(await isIntact(changed, expected)).toBe(false);
  });
});
