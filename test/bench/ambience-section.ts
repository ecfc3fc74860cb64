import { benchAmbience } from './ambience-bench';

/** Measures and prints the ambience figures; returns them for the history. */
export function runAmbienceSection(): ReturnType<typeof benchAmbience> {
  const started = performance.now();
  const figures = benchAmbience();
  console.log('Ambience under the voice while it speaks (the worst branch; voice mono, ambience stereo, BS.1770), loop, events, breath words:');
  console.table(figures.sessions);
  console.log('Twenty minutes of each ambience at volume 1: correlation one loop apart (1 would be an exact repeat):');
  console.table(figures.repeats);
  console.log(`Measured in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  return figures;
}
