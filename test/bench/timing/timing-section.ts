import { parseArgs } from 'node:util';
import { benchEngines } from './bench-browser';
import { conditions } from './conditions';
import { stopAllOwned } from './processes';
import { readFileSync } from 'node:fs';
import { historyFile } from '../history';
import type { RunResult } from './analyze-run';
import { printReport, writeResultsFile, type EarlierRuns } from './report';
import { benchTiming, type TimingOptions, type TimingReport } from './timing-bench';

const conditionNames = conditions.map((condition) => condition.name);

export const resultsFile = 'test/bench/timing-results.md';

export const timingUsage = `Options:
  --minutes N         session length (default 10, the bar's length; shorter runs are marked as such)
  --engines LIST      comma-separated: chromium, firefox, webkit (default all three, one after another)
  --conditions LIST   comma-separated: plain, busy, hidden (default all; WebKit plays plain and busy)
  --sessions LIST     comma-separated: bench-breathing, bench-butterfly-hug (default both)
  --sequential        one rig at a time instead of one per condition at once
  --latency-hint H    make the page's AudioContext ask for H (interactive or playback)
  --no-ambience       skip the 4th run (the butterfly hug over an ambience bed)
  --buffer-frames N   the output device's buffer (default 4096; 0 = Chromium's own, 512 here,
                      which glitches on a shared VM: see browser.ts)
  --keep-recordings   keep the raw recordings and packs in the scratch folder`;

export function parseTimingOptions(argv: readonly string[]): TimingOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      minutes: { type: 'string' },
      engines: { type: 'string' },
      conditions: { type: 'string' },
      sessions: { type: 'string' },
      sequential: { type: 'boolean' },
      'latency-hint': { type: 'string' },
      'buffer-frames': { type: 'string' },
      'no-ambience': { type: 'boolean' },
      'keep-recordings': { type: 'boolean' },
    },
    strict: true,
  });
  const minutes = values.minutes === undefined ? 10 : Number(values.minutes);
  if (!Number.isFinite(minutes) || minutes < 2 || minutes > 15) throw new Error(`--minutes must be a number from 2 to 15 (the bench scripts' range).\n${timingUsage}`);
  const bufferFrames = values['buffer-frames'] === undefined ? 4096 : Number(values['buffer-frames']);
  if (!Number.isInteger(bufferFrames) || bufferFrames < 0 || bufferFrames > 16384) throw new Error(`--buffer-frames must be a whole number from 0 to 16384.\n${timingUsage}`);
  const engines = listOption('--engines', values.engines, benchEngines);
  const chosenConditions = listOption('--conditions', values.conditions, conditionNames);
  const sessions = listOption('--sessions', values.sessions, ['bench-breathing', 'bench-butterfly-hug'] as const);
  const hint = values['latency-hint'];
  if (hint !== undefined && hint !== 'interactive' && hint !== 'playback') throw new Error(`--latency-hint must be interactive or playback.\n${timingUsage}`);
  return {
    minutes,
    bufferFrames,
    engines,
    conditions: chosenConditions,
    sessions,
    sequential: values.sequential ?? false,
    latencyHint: hint,
    ambience: !(values['no-ambience'] ?? false),
    keepRecordings: values['keep-recordings'] ?? false,
  };
}

/** A comma-separated choice from `allowed` (all of them when not given), in `allowed`'s order. */
function listOption<Name extends string>(flag: string, value: string | undefined, allowed: readonly Name[]): Name[] {
  if (value === undefined) return [...allowed];
  const asked = value.split(',').map((name) => name.trim());
  const unknown = asked.filter((name) => !(allowed as readonly string[]).includes(name));
  if (unknown.length > 0 || asked.length === 0) throw new Error(`${flag} takes a comma-separated list of ${allowed.join(', ')}; not ${unknown.join(', ')}.\n${timingUsage}`);
  return allowed.filter((name) => asked.includes(name));
}

/**
 * The timing section of the benchmarks: plays the bench sessions, prints the tables, writes the
 * results file and returns the figures for the history. Ctrl-C stops every process it started.
 */
export async function runTimingSection(argv: readonly string[], command: string): Promise<TimingReport> {
  const options = parseTimingOptions(argv);
  const interrupt = (): void => {
    console.error('\nStopping the timing bench …');
    void stopAllOwned().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const report = await benchTiming(options);
    printReport(report);
    writeResultsFile(resultsFile, report, argv.length > 0 ? `${command} -- ${argv.join(' ')}` : command, earlierTenMinuteRuns(report));
    console.log(`Wrote ${resultsFile}.`);
    return report;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

interface HistoryRecord {
  readonly date?: string;
  readonly commit?: string;
  readonly timing?: { readonly minutes?: number; readonly runs?: readonly (Omit<RunResult, 'engine'> & { readonly engine?: string })[] };
}

/**
 * For each engine this run did not play at 10 minutes: its runs from the latest 10-minute record
 * of the history (records from before the bench played other engines are Chromium's).
 */
function earlierTenMinuteRuns(report: TimingReport): EarlierRuns[] {
  let lines: string[];
  try {
    lines = readFileSync(historyFile, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
  const covered = new Set(report.minutes >= 10 ? report.runs.map((run) => run.engine) : []);
  const found = new Map<string, EarlierRuns>();
  for (const line of lines.reverse()) {
    const record = JSON.parse(line) as HistoryRecord;
    if ((record.timing?.minutes ?? 0) < 10) continue;
    const byEngine = new Map<string, RunResult[]>();
    for (const run of record.timing?.runs ?? []) {
      const engine = run.engine ?? 'chromium';
      byEngine.set(engine, [...(byEngine.get(engine) ?? []), { ...run, engine }]);
    }
    for (const [engine, runs] of byEngine) {
      if (covered.has(engine) || found.has(engine)) continue;
      found.set(engine, { date: record.date ?? '?', commit: record.commit ?? '?', engine, runs });
    }
  }
  return [...found.values()];
}
