import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeRun, type RunResult, type RunToAnalyze } from './analyze-run';
import { buildAppWithPacks } from './app-build';
import type { BenchEngine } from './bench-browser';
import { compileBenchPacks, type BenchSessionId } from './bench-packs';
import { conditions, type Condition, type ConditionName } from './conditions';
import { cueFilters } from './cue-templates';
import { onsetFigures } from './onset-figures';
import { planLikeThePlayer, plannedCues, type PlannedCue } from './planned-cues';
import { delay, stopAllOwned } from './processes';
import { checkRequirements } from './requirements';
import { startRig, type Rig } from './rig';
import { runSession, type SessionCapture } from './session-run';
import { startStaticServer } from '../../browser/harness/static-server';

export interface TimingOptions {
  readonly minutes: number;
  /** The engines to play in, one after another (each engine's rigs at once). */
  readonly engines: readonly BenchEngine[];
  /** The conditions to play (each its own rig). */
  readonly conditions: readonly ConditionName[];
  /** The bench sessions to play; the ambience run follows `ambience`. */
  readonly sessions: readonly ('bench-breathing' | 'bench-butterfly-hug')[];
  /** Play the rigs one after another instead of at once (a quieter machine, a longer run). */
  readonly sequential: boolean;
  /** Asks every AudioContext of the page for this latency (the page's own choice otherwise). */
  readonly latencyHint: 'interactive' | 'playback' | undefined;
  /** Also play the butterfly hug over an ambience bed (plain condition). */
  readonly ambience: boolean;
  /** Keep the raw recordings and print where they are. */
  readonly keepRecordings: boolean;
  /** The output device's buffer in frames; 0 leaves it to Chromium (see `launchBrowser`). */
  readonly bufferFrames: number;
}

export interface TimingReport {
  readonly minutes: number;
  readonly bufferFrames: number;
  readonly latencyHint: string;
  readonly schedule: string;
  readonly wallMinutes: number;
  readonly runs: readonly RunResult[];
  readonly keptIn?: string;
}

interface PlannedRun {
  readonly engine: BenchEngine;
  readonly sessionId: BenchSessionId;
  readonly condition: Condition;
}

/**
 * WebKit's tab cannot be hidden and still be read: WebDriver classic runs scripts in the tab in
 * front only, so switching to a second tab leaves nothing to read the session's tab with.
 */
const engineConditions: Readonly<Record<BenchEngine, readonly ConditionName[]>> = {
  chromium: ['plain', 'busy', 'hidden'],
  firefox: ['plain', 'busy', 'hidden'],
  webkit: ['plain', 'busy'],
};

/**
 * Each engine in turn; within one engine the conditions run at the same time, each on its own rig
 * (display, sound server, browser), and each rig plays its sessions one after the other: the
 * seven 10-minute runs one by one would take well over an hour, and one browser per condition
 * keeps 2 cores from being overcommitted (the hidden tab draws nothing).
 */
function schedule(options: TimingOptions): PlannedRun[][][] {
  return options.engines.map((engine) =>
    conditions
      .filter((condition) => options.conditions.includes(condition.name) && engineConditions[engine].includes(condition.name))
      .map((condition) => {
        const sessions: BenchSessionId[] = [...options.sessions];
        if (options.ambience && condition.name === 'plain') sessions.push('bench-butterfly-hug-ambience');
        return sessions.map((sessionId) => ({ engine, sessionId, condition }));
      }),
  );
}

/** Setting up and tearing down a run (browser start, loading, ring-out, closing) stays within this. */
const runOverheadSeconds = 150;

export async function benchTiming(options: TimingOptions): Promise<TimingReport> {
  checkRequirements(options.engines);
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'lull-timing-'));
  const enginesPlan = schedule(options);
  const rigsPlan = options.sequential ? enginesPlan.flat().map((runs) => [runs]) : enginesPlan;
  const sessionIds = [...new Set(rigsPlan.flat(2).map((run) => run.sessionId))];
  let keep = options.keepRecordings;
  try {
    console.log(`Compiling ${sessionIds.join(', ')} and building the app in ${scratch} …`);
    const packs = await compileBenchPacks(join(scratch, 'packs'), join(scratch, 'voice-cache'), sessionIds);
    buildAppWithPacks(join(scratch, 'dist'), packs.dir);
    const plans = new Map(
      sessionIds.map((id) => {
        const manifest = packs.manifests.get(id);
        if (!manifest) throw new Error(`No pack was compiled for ${id}.`);
        const plan = planLikeThePlayer(manifest, options.minutes);
        return [id, { plan, cues: plannedCues(plan) }] as const;
      }),
    );
    const server = await startStaticServer(join(scratch, 'dist'));
    const rigSeconds = (runs: readonly PlannedRun[]): number => runs.reduce((sum, run) => sum + (plans.get(run.sessionId)?.plan.duration ?? 0) + runOverheadSeconds, 0);
    const budgetSeconds = rigsPlan.reduce((sum, rigs) => sum + Math.max(...rigs.map(rigSeconds)), 0);
    const settings = { origin: server.origin, minutes: options.minutes, bufferFrames: options.bufferFrames, latencyHint: options.latencyHint };
    console.log(`Playing ${rigsPlan.flat(2).length} runs of ${options.minutes} min (at most ${(budgetSeconds / 60).toFixed(0)} min) …`);
    const captured: { run: PlannedRun; capture?: SessionCapture; error?: string }[] = [];
    try {
      await withinBudget(
        (async () => {
          for (const [batch, rigs] of rigsPlan.entries()) {
            const perRig = await Promise.all(rigs.map((runs, index) => playOnRig(join(scratch, `rig-${String(batch)}-${String(index)}`), runs, settings, (id) => plans.get(id)?.plan.duration ?? 0)));
            captured.push(...perRig.flat());
          }
        })(),
        budgetSeconds + 120,
      );
    } finally {
      await server.close();
    }
    // Analysed only once every browser is closed, so the analysis never competes with a rig for the CPU.
    const filters = cueFilters(packs.common, join(packs.dir, 'common'));
    const runs = captured.map(({ run, capture, error }): RunResult => {
      const planned = plans.get(run.sessionId);
      const cues: readonly PlannedCue[] = planned?.cues ?? [];
      const minutes = (planned?.plan.duration ?? 0) / 60;
      if (!capture) return failedRun(run, minutes, cues, error ?? 'no capture');
      const toAnalyze: RunToAnalyze = { engine: run.engine, session: run.sessionId, condition: run.condition.name, minutes, cues, capture };
      return analyzeRun(toAnalyze, filters, keep);
    });
    return {
      minutes: options.minutes,
      bufferFrames: options.bufferFrames,
      latencyHint: options.latencyHint ?? "the app's own",
      schedule: options.sequential
        ? 'one rig at a time (own Xvfb, PulseAudio null sink and browser per engine and condition); sessions one after another on each rig'
        : 'engines one after another; per engine, one rig per condition in parallel (own Xvfb, PulseAudio null sink and browser); sessions one after another on each rig',
      wallMinutes: (performance.now() - started) / 60_000,
      runs,
      ...(keep ? { keptIn: scratch } : {}),
    };
  } catch (error) {
    keep = false;
    throw error;
  } finally {
    await stopAllOwned();
    if (!keep) rmSync(scratch, { recursive: true, force: true });
  }
}

async function playOnRig(
  dir: string,
  runs: readonly PlannedRun[],
  settings: { readonly origin: string; readonly minutes: number; readonly bufferFrames: number; readonly latencyHint: TimingOptions['latencyHint'] },
  plannedSeconds: (id: BenchSessionId) => number,
): Promise<{ run: PlannedRun; capture?: SessionCapture; error?: string }[]> {
  let rig: Rig;
  try {
    rig = await startRig(dir);
  } catch (error) {
    const message = `the rig did not start: ${error instanceof Error ? error.message : String(error)}`;
    return runs.map((run) => ({ run, error: message }));
  }
  const results: { run: PlannedRun; capture?: SessionCapture; error?: string }[] = [];
  try {
    for (const run of runs) {
      const label = `${run.engine} / ${run.sessionId} / ${run.condition.name}`;
      console.log(`  ${label}: playing …`);
      try {
        const capture = await runSession(rig, { ...settings, engine: run.engine, sessionId: run.sessionId, condition: run.condition, plannedSeconds: plannedSeconds(run.sessionId) });
        console.log(`  ${label}: ${capture.finalState}.`);
        results.push({ run, capture });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.log(`  ${label}: failed: ${message}`);
        results.push({ run, error: message });
      }
      await delay(1000);
    }
  } finally {
    await rig.stop();
  }
  return results;
}

async function withinBudget<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`The timing bench ran past its ${(seconds / 60).toFixed(0)}-minute budget and was stopped.`));
    }, seconds * 1000);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function failedRun(run: PlannedRun, minutes: number, cues: readonly PlannedCue[], error: string): RunResult {
  return {
    engine: run.engine,
    session: run.sessionId,
    condition: run.condition.name,
    minutes,
    finalState: 'failed',
    hiddenThroughout: null,
    onsets: onsetFigures(cues.map((cue) => ({ ...cue, score: 0, errorMs: null }))),
    page: null,
    meetsTargets: false,
    error,
  };
}
