// `npm run bench:device-narrator`: the voice on the device's download, start and render time (see device-narrator-bench.ts).
import { appendHistory } from '../history';
import { benchDeviceNarrator, printDeviceNarratorFigures } from './device-narrator-bench';

try {
  const session = process.argv[2];
  const figures = await benchDeviceNarrator(session);
  printDeviceNarratorFigures(figures);
  appendHistory({ deviceNarrator: figures });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
