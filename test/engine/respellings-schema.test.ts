import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRespellings } from '../../src/engine/respellings-schema';

describe('the respellings in the shared sounds’ manifest', () => {
  it('are read from the shipped manifest, each a phrase with the spelling a voice reads', () => {
    const shipped = readRespellings(JSON.parse(readFileSync('public/packs/common/common.json', 'utf8')));
    expect(shipped?.length).toBeGreaterThan(0);
    expect(shipped).toContainEqual({ say: 'close your', respell: 'cloze your' });
  });

  it('are none in a manifest written before they were', () => {
    expect(readRespellings({ format: 3, voice: 'v', recipe: 'r', cues: {}, ambience: {} })).toEqual([]);
  });

  it('are refused when damaged, rather than read in part', () => {
    expect(readRespellings({ respellings: [{ say: 'close', respell: '' }] })).toBeUndefined();
    expect(readRespellings({ respellings: [{ say: 'close' }] })).toBeUndefined();
    expect(readRespellings({ respellings: 'close=cloze' })).toBeUndefined();
    expect(readRespellings(null)).toBeUndefined();
  });
});
