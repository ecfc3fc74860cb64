import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionPlan } from '../../engine/timeline';
import type { BreathNow } from '../../engine/timeline-queries';
import { momentAt } from '../../services/session-moment';
import type { Seconds } from '../../engine/units';
import { breathWords } from '../player/breath-shape';

/** How long the pulse at each change of breath lasts, in milliseconds. */
const pulseMs = 40;

/** What the pacer is doing at the position the host last rendered. */
export interface PacerMoment {
  readonly plan: SessionPlan;
  readonly position: Seconds;
  readonly playing: boolean;
  /** Whether the person asked for a pulse at each change of breath. */
  readonly vibrate: boolean;
}

/**
 * Follows the breath at the playback position (read from the audio clock by the playback
 * controller) and marks each change of phase while playing: the words for a polite live region,
 * and a short vibration when the person turned it on and the device can vibrate.
 */
export class BreathPhaseController implements ReactiveController {
  /** The breath now, if the pacer is in one. */
  breath: BreathNow | undefined;
  /** The phase that began last while playing, in words; empty outside the breaths. */
  announcement = '';
  /** Whether this device has `navigator.vibrate`. */
  readonly canVibrate = typeof navigator !== 'undefined' && 'vibrate' in navigator;
  /** When the current phase ends (whole milliseconds): a new value means a new phase. */
  private phaseEnd: number | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly moment: () => PacerMoment | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const now = this.moment();
    const breath = now ? momentAt(now.plan, now.position).breath : undefined;
    this.breath = breath;
    const phaseEnd = now && breath ? Math.round((now.position + breath.remaining) * 1000) : undefined;
    if (phaseEnd === this.phaseEnd) return;
    this.phaseEnd = phaseEnd;
    if (!breath) {
      this.announcement = '';
      return;
    }
    if (!now?.playing) return;
    this.announcement = breathWords[breath.phase];
    if (now.vibrate && this.canVibrate) navigator.vibrate(pulseMs);
  }
}
