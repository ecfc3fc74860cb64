import type { TransportState } from '../../engine/transport';
import type { Seconds } from '../../engine/units';

/** Whole seconds left in a breath phase, as the pacer counts down: 3.2 s left shows "4". */
export function phaseSecondsLeft(remaining: Seconds): number {
  return Math.max(1, Math.ceil(remaining - 1e-3));
}

/** What the pacer shows in place of the breath words when it is not in a breath. */
export function pacerRestingWords(state: TransportState | undefined): string {
  switch (state) {
    case 'playing':
    case 'waiting':
      return 'Settle in';
    case 'paused':
      return 'Paused';
    case 'ended':
      return 'Well done. Take a moment before you move on.';
    case 'ready':
    case 'loading':
    case undefined:
      return 'Ready when you are';
  }
}

/** How long a session of whole breaths lasts, and how many breaths fit in it: "8 breaths, about 3 min". */
export function formatPacerLength(breaths: number, seconds: Seconds): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `${String(breaths)} ${breaths === 1 ? 'breath' : 'breaths'}, about ${String(minutes)} min`;
}
