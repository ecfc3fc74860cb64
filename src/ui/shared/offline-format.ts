import type { BusyReason } from '../../services/busy-state';
import type { ByteProgress } from '../../services/offline-library';
import { formatBytes } from './format';
import { say } from './messages';

/** A download's progress as text, for the eye and for `aria-valuetext`: "1.2 MB of 3.4 MB". */
export function formatProgress({ done, total }: ByteProgress): string {
  return total === 0 ? 'Preparing…' : `${formatBytes(done)} of ${formatBytes(total)}`;
}

/** Below this much room left, the person is told space is running low. */
const lowSpaceBytes = 50_000_000;

/** "Lull keeps 3.1 MB on this device.", and how much room is left only when it is running low. */
export function formatStorage(usage: number, quota: number): string {
  const left = Math.max(0, quota - usage);
  return left < lowSpaceBytes ? say('storage-low', formatBytes(usage), formatBytes(left)) : say('storage-used', formatBytes(usage));
}

const afterWhat: Readonly<Record<BusyReason, string>> = {
  session: 'your session ends',
  recording: 'your recording stops',
  draft: 'your writing is saved',
};

/** What an update waits for, as the end of a sentence: "your session ends and your writing is saved". */
export function formatWaitingFor(reasons: readonly BusyReason[]): string {
  const parts = reasons.map((reason) => afterWhat[reason]);
  const last = parts.pop();
  if (last === undefined) return '';
  return parts.length === 0 ? last : `${parts.join(', ')} and ${last}`;
}

/**
 * The offer of a new version, given what it waits for (`formatWaitingFor`); or, when another
 * window already applied it, when this window follows.
 */
export function formatUpdateOffer(waiting: string, appliedElsewhere: boolean): string {
  if (appliedElsewhere) {
    return `Lull was updated in another window. This window follows ${waiting ? `after ${waiting}, ` : ''}when you next change screen.`;
  }
  return `A new version of Lull is ready.${waiting ? ` It can be applied after ${waiting}.` : ''}`;
}
