import type { DeviceNarratorLoader } from '../../../src/services/device-narrator-context';

/** One line read by the voice on the device, as the browser's own decoder hears it. */
export interface NarratorReading {
  /** Whether the engine was on the device after the line was read. */
  readonly kept: boolean;
  /** The length the narrator gave, and the decoded file's. */
  readonly seconds: number;
  readonly decodedSeconds: number;
  readonly channels: number;
  readonly bytes: number;
  /** From the first sounding 10 ms to the last, 40 dB under the loudest. */
  readonly speechSeconds: number;
}

/**
 * Runs in the page (pass it to `evaluate`): takes the voice on the device from the app's shell, as
 * a screen does, downloads its engine first if asked, reads `text` and measures what came back.
 * Self-contained, since it is sent to the page as source.
 */
export const readInPage = async ({ text, prepare }: { text: string; prepare: boolean }): Promise<NarratorReading> => {
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
  const lastSounding = levels.length - 1 - [...levels].reverse().findIndex((level) => level > threshold);
  return {
    kept: await narrator.isKept(),
    seconds: spoken.seconds,
    decodedSeconds: buffer.duration,
    channels: buffer.numberOfChannels,
    bytes,
    speechSeconds: (lastSounding - first + 1) / 100,
  };
};

/** Words a minute from the first sound to the last. */
export const wordsPerMinute = (text: string, reading: NarratorReading): number => (text.split(/\s+/u).length / reading.speechSeconds) * 60;
