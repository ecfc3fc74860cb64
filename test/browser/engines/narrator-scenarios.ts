import { describe, expect, it } from 'vitest';
import { readInPage, wordsPerMinute } from '../harness/narrator-reading';
import type { EngineSuite } from './engine-suite';
import { untilControlled } from './page-steps';

const line = 'Let your shoulders soften, and let your breath find its own pace.';

/** The voice on the device: Flite in WebAssembly in a worker, its engine kept in Cache Storage. */
export function narratorScenarios(suite: EngineSuite): void {
  describe(`${suite.name}: the voice on the device`, () => {
    it('downloads its engine once, reads a line at the calm pace, and reads it again the same with the server gone', async () => {
      const { page, server } = await suite.open('/');
      await untilControlled(page);
      const online = await page.evaluate(readInPage, { text: line, prepare: true });
      expect(online.kept).toBe(true);
      expect(wordsPerMinute(line, online)).toBeGreaterThan(90);
      expect(wordsPerMinute(line, online)).toBeLessThan(140);
      expect(await page.problems()).toEqual([]);
      // Offline the library's own fetches of sessions not kept fail, as they should: only the line is checked.
      await server.close();
      await page.reload();
      const offline = await page.evaluate(readInPage, { text: line, prepare: false });
      expect({ ...offline, longestStall: 0 }).toEqual({ ...online, longestStall: 0 });
    });
  });
}
