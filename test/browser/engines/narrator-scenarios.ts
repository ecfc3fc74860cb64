import { describe, expect, it } from 'vitest';
import type { DeviceNarratorLoader } from '../../../src/services/device-narrator-context';
import type { EnginePage } from '../harness/engines/driver';
import type { EngineSuite } from './engine-suite';
import { untilControlled } from './page-steps';

const line = 'Let your shoulders soften, and let your breath find its own pace.';

/** Runs in the page: reads `text` with the voice on the device (downloading it first if asked) and measures it as decoded. */
const readAndMeasure = (page: EnginePage, text: string, prepare: boolean) =>
  page.evaluate(
    async ({ text, prepare }) => {
      const shell = document.querySelector('lull-app') as (Element & { deviceNarrator: DeviceNarratorLoader }) | null;
      if (!shell) throw new Error('no lull-app');
      const narrator = await shell.deviceNarrator();
      if (prepare) await narrator.prepare();
      const spoken = await narrator.speak(text);
      const bytes = spoken.wav.byteLength;
      const buffer = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(spoken.wav);
      const samples = buffer.getChannelData(0);
      const frame = Math.round(buffer.sampleRate / 100);
      const levels: number[] = [];
      for (let start = 0; start + frame <= samples.length; start += frame) {
        let sum = 0;
        for (let index = start; index < start + frame; index += 1) sum += (samples[index] ?? 0) ** 2;
        levels.push(Math.sqrt(sum / frame));
      }
      const threshold = Math.max(...levels) / 100;
      const first = levels.findIndex((level) => level > threshold);
      const last = levels.length - 1 - [...levels].reverse().findIndex((level) => level > threshold);
      return { bytes, kept: await narrator.isKept(), speechSeconds: (last - first + 1) / 100 };
    },
    { text, prepare },
  );

/** The voice on the device: Flite in WebAssembly in a worker, its engine kept in Cache Storage. */
export function narratorScenarios(suite: EngineSuite): void {
  describe(`${suite.name}: the voice on the device`, () => {
    it('downloads its engine once, reads a line at the calm pace, and reads it again the same with the server gone', async () => {
      const { page, server } = await suite.open('/');
      await untilControlled(page);
      const online = await readAndMeasure(page, line, true);
      expect(online.kept).toBe(true);
      const wordsPerMinute = (line.split(' ').length / online.speechSeconds) * 60;
      expect(wordsPerMinute).toBeGreaterThan(90);
      expect(wordsPerMinute).toBeLessThan(140);
      expect(await page.problems()).toEqual([]);
      // Offline the library's own fetches of sessions not kept fail, as they should: only the line is checked.
      await server.close();
      await page.reload();
      expect(await readAndMeasure(page, line, false)).toEqual(online);
    });
  });
}
