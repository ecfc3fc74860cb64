import type { ReactiveController, ReactiveControllerHost } from 'lit';

const pulseMs = 25;

/**
 * A short vibration with each butterfly-hug tap, when the person turned it on and the device can
 * vibrate. It follows the tap the screen shows (read from the audio clock), never a timer.
 */
export class TapVibrationController implements ReactiveController {
  /** Whether this device has `navigator.vibrate`. */
  readonly canVibrate = 'vibrate' in navigator;
  enabled = false;
  private lastTap: number | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly currentTap: () => number | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const tap = this.currentTap();
    if (tap !== undefined && tap !== this.lastTap && this.enabled && this.canVibrate) navigator.vibrate(pulseMs);
    this.lastTap = tap;
  }
}
