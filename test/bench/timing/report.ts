import { writeFileSync } from 'node:fs';
import type { RunResult } from './analyze-run';
import { conditions } from './conditions';
import { longGapSeconds, stepThresholdMs, targets } from './onset-figures';
import { matchThreshold, searchRadiusSeconds, wideRadiusSeconds } from './onsets';
import type { TimingReport } from './timing-bench';

type Row = Record<string, string>;

const fixed = (value: number | null | undefined, digits: number): string => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const megabytes = (bytes: number | null | undefined): string => (bytes === undefined || bytes === null ? '–' : (bytes / 1e6).toFixed(1));

/** Onset timing per session × condition. */
export function timingRows(runs: readonly RunResult[]): Row[] {
  return runs.map((run) => ({
    engine: run.engine,
    session: run.session,
    condition: run.condition,
    minutes: fixed(run.minutes, 1),
    'matched / planned': `${run.onsets.matched} / ${run.onsets.planned}`,
    'p50 ms': fixed(run.onsets.p50Ms, 3),
    'p99 ms': fixed(run.onsets.p99Ms, 3),
    'max ms': fixed(run.onsets.maxMs, 3),
    'drift ms/min': fixed(run.onsets.driftMsPerMinute, 4),
    'last − first ms': fixed(run.onsets.lastMinusFirstMs, 3),
    'steps n / ms': `${run.onsets.steps.count} / ${fixed(run.onsets.steps.totalMs, 1)}`,
    'steps after > 30 s gap n / ms': `${run.onsets.stepsAfterLongGap.count} / ${fixed(run.onsets.stepsAfterLongGap.totalMs, 1)}`,
    'outliers n / max ms': `${run.onsets.outliers.count} / ${fixed(run.onsets.outliers.maxMs, 3)}`,
    'max between steps ms': fixed(run.onsets.maxBetweenStepsMs, 3),
    'late (engine / start())': run.page ? `${run.page.engineLateEvents ?? '–'} / ${run.page.lateStarts}` : '–',
    'meets bar': run.error ? `no: ${run.error}` : run.meetsTargets ? 'yes' : `no (${run.finalState})`,
  }));
}

/** Latency, scheduling headroom, throttling evidence and memory per session × condition. */
export function pageRows(runs: readonly RunResult[]): Row[] {
  return runs.map((run) => {
    const page = run.page;
    return {
      engine: run.engine,
      session: run.session,
      condition: run.condition,
      'tap→sound ms (recorded / browser)': `${fixed(page?.tapToSoundRecordedMs, 1)} / ${fixed(page?.tapToSoundBrowserMs, 1)}`,
      'click→start() + start delay ms': `${fixed(page?.clickToScheduleMs, 1)} + ${fixed(page?.startDelayMs, 1)}`,
      'output latency ms (recorded / reported)': `${fixed(page?.outputLatencyRecordedMs, 1)} / ${fixed(page?.outputLatencyReportedMs, 1)}`,
      'output lost ms': fixed(page?.outputLostMs, 1),
      'min lead s': fixed(page?.minLeadSeconds, 2),
      'max tick gap ms': fixed(page?.maxTickGapMs, 0),
      'max 1 s-timer gap s': fixed(page ? page.maxTimerGapMs / 1000 : null, 1),
      hidden: run.hiddenThroughout === null ? '–' : run.hiddenThroughout ? 'yes, throughout' : 'NO',
      'decoded MB': megabytes(page?.decodedBytes),
      'JS heap MB (after GC)': page ? `${megabytes(page.heapUsedBytes)} (${megabytes(page.heapUsedAfterGcBytes)})` : '–',
    };
  });
}

export function printReport(report: TimingReport): void {
  const short = report.minutes < 10 ? ` — SHORTER than the 10-minute bar asks (--minutes ${report.minutes})` : '';
  console.log(`\nOnset timing at the audio output, ${report.minutes}-minute sessions${short}:`);
  console.table(timingRows(report.runs));
  console.log('Latency, headroom and memory:');
  console.table(pageRows(report.runs));
  console.log(`${report.schedule}; Chromium's output device buffer ${deviceBuffer(report.bufferFrames)}; latency hint: ${report.latencyHint}; ${report.wallMinutes.toFixed(1)} min in all.`);
  if (report.keptIn) console.log(`Recordings and packs kept in ${report.keptIn}.`);
}

const deviceBuffer = (frames: number): string => (frames > 0 ? `${frames} frames (${((frames / 48_000) * 1000).toFixed(1)} ms)` : "Chromium's own");

function markdownTable(rows: readonly Row[]): string {
  const [first] = rows;
  if (!first) return '_no runs_\n';
  const columns = Object.keys(first);
  const line = (cells: readonly string[]): string => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(columns), line(columns.map(() => '---')), ...rows.map((row) => line(columns.map((column) => row[column] ?? '')))].join('\n') + '\n';
}

/** Another engine's latest 10-minute runs, from the history, shown beside this run's. */
export interface EarlierRuns {
  readonly date: string;
  readonly commit: string;
  readonly engine: string;
  readonly runs: readonly RunResult[];
}

function earlierSection(earlier: readonly EarlierRuns[]): string {
  if (earlier.length === 0) return '';
  return earlier
    .map(
      (entry) => `## ${entry.engine}: its latest 10-minute run (${entry.date}, commit ${entry.commit}, from test/bench/history.jsonl)

${markdownTable(timingRows(entry.runs))}
${markdownTable(pageRows(entry.runs))}`,
    )
    .join('\n');
}

/** The latest figures as a page a person reads, with the exact command and how they were measured. */
export function writeResultsFile(path: string, report: TimingReport, command: string, earlier: readonly EarlierRuns[] = []): void {
  const short = report.minutes < 10 ? `\n\n**This run was shorter than the 10 minutes the bar asks for** (\`--minutes ${report.minutes}\`).` : '';
  const text = `# Timing at the audio output

Latest \`npm run bench:timing\` figures, written by the bench itself on ${new Date().toISOString()}.

Command: \`${command}\`${short}

The bar: onset error p99 ≤ ${targets.p99Ms} ms, max ≤ ${targets.maxMs} ms (one 128-frame render block at 48 kHz is 2.67 ms), no drift
(drift × length and last − first both within ${targets.driftMsPerSession} ms), every planned cue found, in every condition.

Conditions: ${conditions.map((condition) => `**${condition.name}**: ${condition.description}`).join('; ')}.
${report.schedule}; Chromium's output device buffer ${deviceBuffer(report.bufferFrames)}; latency hint: ${report.latencyHint}; ${report.wallMinutes.toFixed(1)} min in all.

## Onset timing

${markdownTable(timingRows(report.runs))}
## Latency, headroom and memory

${markdownTable(pageRows(report.runs))}
${earlierSection(earlier)}
## How it is measured

- **Engines.** Chromium over the raw DevTools protocol; Firefox ESR over WebDriver BiDi (Puppeteer),
  headful on the rig's display, its audio graph's buffer set like Chromium's (\`media.cubeb_latency_msg_frames\`);
  WebKitGTK's MiniBrowser over W3C WebDriver (WebKitWebDriver), its sound through GStreamer's PulseAudio
  sink. All three play into the same kind of rig and are recorded and analysed the same way. WebKit's probe
  runs once the page has loaded (WebDriver classic has no script before a page's own), so its decoded-audio
  and tick-gap figures miss what happened while loading, and it plays no hidden run (WebDriver classic reads
  only the tab in front). Firefox's and WebKit's JS heap is not read (–). Each browser's audio threads that
  do not get real-time priority by themselves (libpulse's, and Firefox's audio callback and graph threads)
  are made SCHED_RR like Chromium's own audio thread.
- **Why WebKitGTK misses the bar here.** Its recorded output jumps by whole 80 ms blocks, and only
  after a silence of over 30 s (10-minute run of 2026-12-03: 95 of 95 cues, two jumps of 80 ms, both
  after such a gap; between jumps every cue lands exactly, 0.000 ms, and the page saw no late event
  and no late start). The page keeps the output from falling to exact silence (an inaudible constant
  offset), so it is WebKitGTK's GStreamer audio sink that drops or adds those blocks on its way to
  PulseAudio, not the plan or its scheduling; Safari on Apple devices uses another audio backend and
  cannot be measured here.
- **Rig.** Headful Chromium under Xvfb, driven over the raw DevTools protocol, playing into a private
  PulseAudio daemon whose only sink is a 48 kHz null sink; \`parec\` records the sink's monitor. The
  AudioContext runs at 48 kHz (the daemon's default rate is set to 48 kHz; the page reports it).
  Chromium's output buffer is set with \`--audio-buffer-size\` (\`--buffer-frames\`, default 4096): on this
  shared VM even a real-time thread woke up to ~15 ms late, and with Chromium's own 512 frames the
  output glitched every second or two for any page (a page of plain clicks lost 4.6 % of its audio
  time); with 2048 it mostly did not, but three rigs at once still lost 17–19 ms once or twice in
  3-minute runs; with 4096, none in seven 10-minute runs. The buffer adds constant latency only (it
  is most of the tap→sound figure). Chromium's PulseAudio client
  threads and \`parec\` run SCHED_RR like Chromium's own audio thread. *Output lost* is wall time minus
  audio time between two \`getOutputTimestamp()\` readings (start and end): a glitch in the rig shows
  there (noise: about one device buffer).
- **Sessions.** \`test/bench/timing/*.yaml\`, compiled with the project's compiler into a scratch folder
  and served with a fresh production build. Start is pressed with a real (DevTools-dispatched) mouse click.
- **Planned times.** \`planSession\` with the compiled manifest's line durations, exactly as \`SessionPlayer\` plans.
- **Onsets.** A matched filter per cue sound: the cue sprite the page plays (WebM/Opus) decoded by ffmpeg
  at 48 kHz and cut with the sprite map. Normalized cross-correlation (by FFT) on the channel a tap was
  panned to (the mid signal otherwise), peak refined by a parabola (sub-sample). A window whose best
  normalized correlation is below ${matchThreshold}, or whose peak sits on its edge, holds no match.
- **Alignment.** The first cue (found in a ±3 s window around the page's own estimate) fixes the constant
  between the plan and the recording (output latency + when recording began). Each later cue is searched
  ±${searchRadiusSeconds * 1000} ms around planned time + that constant + the previous cue's error (so the search follows an output
  glitch), then ±${wideRadiusSeconds} s; its error is always detected − (planned + constant). Drift is the least-squares slope of
  error against planned time.
- **Steps.** A jump of more than ${stepThresholdMs} ms in the error between consecutive cues: the output lost or gained
  time, and every later sound moved with it. Steps between cues more than ${longGapSeconds} s apart (a long silence) are
  counted apart, because Chromium moves a context whose output has been digital silence for a while to a fake
  sink and back, which moves the audio clock against the output (a plain click page showed it: 64 ms
  after 40 s of silence; none with an inaudible 1e-6 DC offset playing, which the player now keeps
  playing while a session is open). A single cue off whose next
  cue is back on the steady level is an *outlier*, not a step. *Max between steps* is the largest
  |error| of the steady cues once the steps before each are taken out: how exactly sounds sit on the
  output between glitches.
- **Late.** The engine's own count of events handed over after their time, and the \`start()\` calls
  whose time had already passed (the page's \`AudioBufferSourceNode.start\` is wrapped to observe it).
  *Min lead* is the least time between a \`start()\` call and its sound after the first hand-over:
  how much of the engine's lookahead was left.
- **Tap → sound.** *Recorded*: the click's \`event.timeStamp\` (page clock, as Unix time) to plan position 0
  in the recording, placed on Unix time by the arrival times of \`parec\`'s chunks (an upper bound, late by
  the smallest sink-to-process delay, a few ms). *Browser*: the same click to the first sound's time
  mapped through \`AudioContext.getOutputTimestamp()\`. *Output latency recorded*: the audio clock's
  reading → the sound in the recording; *reported*: \`baseLatency + outputLatency\`.
- **Hidden.** A second tab is opened in front with \`Target.createTarget\`; the session tab's
  \`document.visibilityState\` is read every 20 s. *Max 1 s-timer gap* is the longest gap between wake-ups
  of a 1 s \`setInterval\` in the page: about 60 s shows Chrome's intensive (one wake-up a minute)
  throttling really applied. *Max tick gap* is the same for the engine's worker ticks (250 ms).
- **Memory.** Decoded audio: Σ \`length × channels × 4\` over every \`decodeAudioData\` result. JS heap:
  \`Runtime.getHeapUsage\` at the end of the run, and again after a forced garbage collection.
`;
  writeFileSync(path, text);
}
