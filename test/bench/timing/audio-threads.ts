import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Chromium's own real-time audio threads run SCHED_RR at this priority; its PulseAudio client threads get the same. */
export const audioThreadPriority = 8;
/**
 * The threads that carry a browser's audio to the sound server and do not get real-time priority
 * on their own here: libpulse's client threads (`pa_threaded_mainloop`, every engine), and
 * Firefox's audio callback threads (its audio IPC callback and its Web Audio graph), which
 * Firefox would ask rtkit to make real-time, a service this rig has not.
 */
const audioThreadNames: ReadonlySet<string> = new Set(['threaded-ml', 'AudioIP~allback', 'AudioIP~ver RPC', 'AudioIP~ent RPC', 'GraphRunner', 'MediaTrackGrph']);

/**
 * Gives the audio threads of one browser (its process group) real-time priority.
 * Chromium already runs its renderer's audio thread SCHED_RR, and PulseAudio its sink thread, but
 * the thread that hands Chromium's audio to the sound server runs at normal priority; on a
 * machine shared with other builds (load 6 on 2 cores here) it then misses its deadlines and the
 * "device" itself glitches. A real sound card is serviced on time; this makes the rig's one be.
 * Returns the thread ids promoted so far (pass the set back in to skip them next time).
 */
export function promoteAudioThreads(groupId: number, promoted: Set<number>): Set<number> {
  for (const pid of numericEntries('/proc')) {
    if (processGroupOf(pid) !== groupId) continue;
    for (const tid of numericEntries(`/proc/${pid}/task`)) {
      if (promoted.has(tid) || !audioThreadNames.has(readText(`/proc/${pid}/task/${tid}/comm`)?.trim() ?? '')) continue;
      try {
        execFileSync('chrt', ['-r', '-p', String(audioThreadPriority), String(tid)], { stdio: 'ignore' });
        promoted.add(tid);
      } catch {
        // The thread ended between reading and promoting it.
      }
    }
  }
  return promoted;
}

function numericEntries(dir: string): number[] {
  try {
    return readdirSync(dir)
      .filter((name) => /^\d+$/u.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Field 5 of `/proc/<pid>/stat`, read after the command name (which may contain spaces and parentheses). */
function processGroupOf(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[2]);
}
