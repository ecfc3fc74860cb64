// `npm run bench`: measures what the quality bars name, prints it, and appends it to the history.
// Options after `--` go to the player section (--taps, --cpu-minutes, …: see player-bench.ts) and
// the rest to the timing section (e.g. `npm run bench -- --minutes 3 --cpu-minutes 3`).
import { runAmbienceSection } from './ambience-section';
import { benchCompile } from './compile-bench';
import { benchDeviceNarrator, printDeviceNarratorFigures } from './device-narrator/device-narrator-bench';
import { appendHistory } from './history';
import { benchNarration } from './narration/narration-bench';
import { benchPlayer, printPlayerFigures, splitPlayerArgs } from './player/player-bench';
import { runTimingSection } from './timing/timing-section';
import { benchWeb, webBudgets } from './web-bench';

const { player: playerOptions, rest: timingArgs } = splitPlayerArgs(process.argv.slice(2));

// The narration as shipped: decoded from public/packs/ and measured in its sound.
const narration = benchNarration();
console.log('Narration, per session and narrator: words a minute from first to last sound (median, 90th percentile, most), rests (s),');
console.log('the shortest gap between lines (s), loudness (LUFS) and its spread between lines (LU), bandwidth (4–8 kHz against 0–4 kHz, dB; top Hz), bytes per spoken minute');
console.table(narration);

const compile = await benchCompile();
console.log('Compile (npm run audio), per session:');
console.table(compile);

const ambience = runAmbienceSection();

let timing: Awaited<ReturnType<typeof runTimingSection>> | { error: string };
try {
  timing = await runTimingSection(timingArgs, 'npm run bench');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Timing at the audio output could not be measured:\n${message}`);
  timing = { error: message };
  process.exitCode = 1;
}

// Tap → sound beside a bare oscillator page, open time offline, CPU beside a plain <audio> element.
let player: Awaited<ReturnType<typeof benchPlayer>> | { error: string };
try {
  player = await benchPlayer(playerOptions);
  printPlayerFigures(player);
  if (!player.meetsGoals) process.exitCode = 1;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The player's start and run costs could not be measured:\n${message}`);
  player = { error: message };
  process.exitCode = 1;
}

// The voice on the device: its download, its start and how fast it reads a shipped session's lines.
let deviceNarrator: Awaited<ReturnType<typeof benchDeviceNarrator>> | { error: string };
try {
  deviceNarrator = await benchDeviceNarrator();
  printDeviceNarratorFigures(deviceNarrator);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The voice on the device could not be measured:\n${message}`);
  deviceNarrator = { error: message };
  process.exitCode = 1;
}

// Initial JavaScript and Lighthouse (mobile) against `vite preview` of a fresh production build.
let web: Awaited<ReturnType<typeof benchWeb>> | { error: string };
try {
  web = await benchWeb();
  console.log(`Initial JavaScript: ${String(web.initialJsGzipBytes)} B gzip (budget ${String(webBudgets.initialJsGzipBytes)} B): ${web.initialJs.map((script) => script.file).join(', ')}`);
  console.log('Lighthouse 12 (mobile), median of runs; budgets: performance ≥ 98, accessibility 100, best practices 100');
  console.table([...web.lighthouseRuns, { ...web.lighthouse }]);
  if (!web.withinBudget) {
    console.error('Over budget.');
    process.exitCode = 1;
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Lighthouse could not be run:\n${message}`);
  web = { error: message };
  process.exitCode = 1;
}

appendHistory({ narration, compile, ambience, timing, player, deviceNarrator, web });
