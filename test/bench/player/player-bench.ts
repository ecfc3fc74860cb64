import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionManifest } from '../../../src/engine/pack-manifest';
import { startStaticServer } from '../../browser/harness/static-server';
import { buildApp } from '../timing/app-build';
import { stopAllOwned } from '../timing/processes';
import { checkRequirements } from '../timing/requirements';
import { startRig } from '../timing/rig';
import { writeBarePages } from './bare-pages';
import { measureCpu, type CpuFigure, type CpuSubject, type Placement } from './cpu-time';
import { measureOpenTime, type OpenTimeFigures } from './open-time';
import { measureTapToSound, type TapToSoundFigures } from './tap-to-sound';

/** The goals: the app adds ≤ 30 ms to a bare page's tap → sound; a session opens ≤ 300 ms; CPU ≤ 1.5× a plain `<audio>` behind, ≤ 2× in front. */
export const playerGoals = { addedTapToSoundMs: 30, openMs: 300, cpuBehind: 1.5, cpuFront: 2 } as const;

export interface PlayerOptions {
  readonly taps: number;
  /** Minutes of each CPU run; `0` skips them. */
  readonly cpuMinutes: number;
  readonly cpuSession: string;
  readonly openSession: string;
  readonly bufferFrames: number;
}

export const playerUsage = `Player options:
  --taps N            tap → sound trials per page (default 5; 0 skips them)
  --cpu-minutes N     minutes of each of the four CPU runs (default 10; 0 skips them)
  --cpu-session ID    the built-in session the CPU runs play (default safe-space)
  --open-session ID   the built-in session whose card is tapped offline (default self-soothing)
  --tap-buffer-frames N  Chromium's output buffer for the taps (default 0: its own, as a person's)`;

const playerFlags = ['taps', 'cpu-minutes', 'cpu-session', 'open-session', 'tap-buffer-frames'] as const;

/** Takes the player's options out of `argv`; the rest is for the timing section. */
export function splitPlayerArgs(argv: readonly string[]): { player: PlayerOptions; rest: string[] } {
  const rest: string[] = [];
  const given = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const flag = playerFlags.find((name) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (!flag) {
      rest.push(arg);
      continue;
    }
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[(index += 1)];
    if (value === undefined) throw new Error(`--${flag} needs a value.\n${playerUsage}`);
    given.set(flag, value);
  }
  const whole = (name: string, fallback: number, max: number): number => {
    const value = given.get(name);
    const number = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(number) || number < 0 || number > max) throw new Error(`--${name} must be a whole number from 0 to ${String(max)}.\n${playerUsage}`);
    return number;
  };
  return {
    player: {
      taps: whole('taps', 5, 50),
      cpuMinutes: whole('cpu-minutes', 10, 30),
      cpuSession: given.get('cpu-session') ?? 'safe-space',
      openSession: given.get('open-session') ?? 'self-soothing',
      bufferFrames: whole('tap-buffer-frames', 0, 16384),
    },
    rest,
  };
}

export interface PlayerFigures {
  readonly tapToSound: TapToSoundFigures;
  readonly openTime: OpenTimeFigures | { readonly error: string };
  readonly cpu: readonly CpuFigure[];
  /** Why the CPU runs could not be made, when they could not. */
  readonly cpuError?: string;
  /** Player ÷ plain `<audio>`, per placement. */
  readonly cpuRatio: { readonly front: number | null; readonly behind: number | null };
  readonly meetsGoals: boolean;
}

/**
 * Start and run costs of the player against bare pages in the same run, on a fresh production
 * build with the shipped packs: tap → sound at the real output (the timing rig's sink and
 * recorder), open time offline, and CPU time over the whole browser.
 */
export async function benchPlayer(options: PlayerOptions): Promise<PlayerFigures> {
  checkRequirements();
  const scratch = mkdtempSync(join(tmpdir(), 'lull-player-bench-'));
  try {
    const dist = join(scratch, 'dist');
    console.log(`Building the app in ${dist} …`);
    buildApp(dist);
    writeBarePages(dist);
    const server = await startStaticServer(dist);
    let tapToSound: TapToSoundFigures;
    let cpu: CpuFigure[] = [];
    let cpuError: string | undefined;
    try {
      console.log(`Tap → sound: ${String(options.taps)} taps each on a bare oscillator page and on the pacer …`);
      const rig = await startRig(join(scratch, 'tap-rig'));
      try {
        tapToSound = await measureTapToSound(rig, server.origin, { trials: options.taps, bufferFrames: options.bufferFrames });
        console.log(`  tap → sound (ms): ${tapToSound.trials.map((trial) => `${trial.page} ${fixed(trial.tapToSoundMs)}`).join(', ')}`);
      } finally {
        await rig.stop();
      }
      if (options.cpuMinutes > 0) {
        const manifest = JSON.parse(readFileSync(join(dist, 'packs', options.cpuSession, 'manifest.json'), 'utf8')) as SessionManifest;
        const runs: { subject: CpuSubject; placement: Placement }[] = [
          { subject: 'player', placement: 'front' },
          { subject: 'plain <audio>', placement: 'front' },
          { subject: 'player', placement: 'behind' },
          { subject: 'plain <audio>', placement: 'behind' },
        ];
        console.log(`CPU: ${String(runs.length)} runs of ${String(options.cpuMinutes)} min at once, each its own rig and Chromium …`);
        const settled = await Promise.allSettled(
          runs.map(async (run, index) => {
            const rig = await startRig(join(scratch, `cpu-rig-${String(index)}`));
            try {
              return await measureCpu(rig, server.origin, { ...run, minutes: options.cpuMinutes, sessionId: options.cpuSession, narrationPath: manifest.narration.webm.path, bufferFrames: 4096 });
            } finally {
              await rig.stop();
            }
          }),
        );
        cpu = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
        const failed = settled.flatMap((result, index) => (result.status === 'rejected' ? [`${runs[index]?.subject ?? ''} ${runs[index]?.placement ?? ''}: ${String(result.reason)}`] : []));
        if (failed.length > 0) {
          cpuError = failed.join('; ');
          console.error(`CPU runs failed: ${cpuError}`);
        }
        for (const run of cpu) console.log(`  CPU ${run.subject}, ${run.placement}: ${run.cpuSecondsPerMinute.toFixed(2)} s per min`);
      }
    } finally {
      await server.close();
    }
    console.log(`Open time: the ${options.openSession} card tapped offline …`);
    let openTime: OpenTimeFigures | { error: string };
    try {
      openTime = await measureOpenTime(dist, options.openSession, 5);
    } catch (error) {
      openTime = { error: error instanceof Error ? error.message : String(error) };
    }
    const ratio = (placement: Placement): number | null => {
      const player = cpu.find((run) => run.subject === 'player' && run.placement === placement);
      const plain = cpu.find((run) => run.subject === 'plain <audio>' && run.placement === placement);
      return player && plain && plain.cpuSecondsPerMinute > 0 ? player.cpuSecondsPerMinute / plain.cpuSecondsPerMinute : null;
    };
    const cpuRatio = { front: ratio('front'), behind: ratio('behind') };
    const meetsGoals =
      (options.taps === 0 || (tapToSound.addedMs !== null && tapToSound.addedMs <= playerGoals.addedTapToSoundMs)) &&
      'maxMs' in openTime &&
      openTime.maxMs <= playerGoals.openMs &&
      cpuError === undefined &&
      (cpu.length === 0 || ((cpuRatio.front ?? Infinity) <= playerGoals.cpuFront && (cpuRatio.behind ?? Infinity) <= playerGoals.cpuBehind));
    return { tapToSound, openTime, cpu, ...(cpuError === undefined ? {} : { cpuError }), cpuRatio, meetsGoals };
  } finally {
    await stopAllOwned();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const fixed = (value: number | null, digits = 1): string => (value === null ? '–' : value.toFixed(digits));

export function printPlayerFigures(figures: PlayerFigures): void {
  const { tapToSound, openTime, cpu, cpuRatio } = figures;
  console.log(`\nTap → first sound at the output (Chromium, output buffer ${tapToSound.bufferFrames > 0 ? `${String(tapToSound.bufferFrames)} frames` : 'its own'}):`);
  console.table(tapToSound.trials.map((trial) => ({ page: trial.page, 'tap→sound ms': fixed(trial.tapToSoundMs), 'click→start() ms': fixed(trial.clickToScheduleMs), 'start delay ms': fixed(trial.startDelayMs) })));
  console.log(
    `Median: bare oscillator ${fixed(tapToSound.bareMedianMs)} ms, pacer ${fixed(tapToSound.pacerMedianMs)} ms; the app adds ${fixed(tapToSound.addedMs)} ms (goal ≤ ${String(playerGoals.addedTapToSoundMs)}).`,
  );
  if ('error' in openTime) console.log(`Open time: not measured: ${openTime.error}`);
  else
    console.log(
      `Open time offline, warm cache (${openTime.sessionId} card → Start ready): ${openTime.opensMs.map((ms) => ms.toFixed(0)).join(', ')} ms; median ${openTime.medianMs.toFixed(0)}, max ${openTime.maxMs.toFixed(0)} (goal ≤ ${String(playerGoals.openMs)}).`,
    );
  if (figures.cpuError !== undefined) console.log(`CPU: not measured: ${figures.cpuError}`);
  if (cpu.length > 0) {
    console.log('CPU time over the whole browser (every process of Chromium):');
    console.table(cpu.map((run) => ({ subject: run.subject, placement: run.placement, minutes: run.minutes, 'CPU s per min': run.cpuSecondsPerMinute.toFixed(2), '% of a core': run.percentOfCore.toFixed(1), visibility: run.visibility })));
    console.log(`Player ÷ plain <audio>: in front ${fixed(cpuRatio.front, 2)}× (goal ≤ ${String(playerGoals.cpuFront)}), behind ${fixed(cpuRatio.behind, 2)}× (goal ≤ ${String(playerGoals.cpuBehind)}).`);
  }
  console.log(figures.meetsGoals ? 'Player goals met.' : 'Player goals NOT met.');
}
