import type { AudioPort } from './audio-port';
import type { Clock } from './clock';
import type { TimelineEvent } from './timeline';
import type { Transport, TransportChange, TransportState } from './transport';
import type { Seconds } from './units';

export interface PlaybackOptions {
  /**
   * How far ahead of the position sounds are handed to the audio clock. It must outlast the
   * longest stall of the page (a busy main thread, a throttled hidden tab): a sound handed over
   * in time starts sample-exactly whatever the page does afterwards.
   */
  readonly lookahead: Seconds;
  /** How quickly the ambience comes back after a pause or a seek. */
  readonly resumeFade: Seconds;
}

export const defaultPlaybackOptions: PlaybackOptions = { lookahead: 4, resumeFade: 1.5 };

/**
 * Hands the timeline to the audio port ahead of time: each tick, every event in
 * `[scheduled-until, position + lookahead)` goes out with its exact clock time. A late tick
 * never skips or shifts an event; it only hands over more at once.
 */
export class PlaybackEngine {
  private cursor = 0;
  private lastState: TransportState;
  /** Events handed over whose clock time had already passed: the lookahead was too short. */
  lateEvents = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly transport: Transport,
    private readonly port: AudioPort,
    private readonly clock: Clock,
    private readonly options: PlaybackOptions = defaultPlaybackOptions,
  ) {
    this.lastState = transport.state;
    this.unsubscribe = transport.subscribe((change) => {
      this.onTransportChange(change);
    });
  }

  /** Called by the page's ticker (a Worker timer in the app, by hand in tests). */
  tick(): void {
    this.transport.update();
    if (this.transport.state !== 'playing') return;
    const position = this.transport.position();
    const stop = this.transport.nextStop(position);
    const until = Math.min(position + this.options.lookahead, stop);
    // Events exactly at the end (a last bell, a closing fade) still play; those at a waiting prompt wait.
    const within = (at: Seconds): boolean => at < until || (until === this.transport.plan.duration && at <= until);
    const events = this.transport.plan.events;
    for (let event = events[this.cursor]; event && within(event.at); event = events[++this.cursor]) {
      this.handOver(event);
    }
  }

  dispose(): void {
    this.unsubscribe();
    this.port.stopAll();
  }

  private onTransportChange(change: TransportChange): void {
    const state = this.transport.state;
    const previous = this.lastState;
    this.lastState = state;
    if (change === 'plan') {
      this.cursor = 0;
      return;
    }
    if (change === 'hold') {
      this.onHold();
      return;
    }
    // At a waiting prompt the bed plays on; going on from there simply continues the timeline.
    if (state === 'waiting') return;
    if (state === 'playing' && change === 'state' && previous === 'waiting') {
      this.tick();
      return;
    }
    // A session that plays to its end lets its last sounds ring out; only the bed fades away.
    if (state === 'ended' && change === 'state' && previous === 'playing') {
      this.port.scheduleAmbience(null, this.transport.clockTimeAt(this.transport.plan.duration), 0, this.options.resumeFade);
      return;
    }
    this.port.stopAll();
    if (state === 'playing') {
      this.resync(this.transport.position());
      this.tick();
    }
  }

  /**
   * A writing hold came after sounds beyond it were handed over (the person began to write in
   * the last seconds of a window): those are taken back, and the session plays on up to the hold.
   */
  private onHold(): void {
    const hold = this.transport.hold;
    const handedOver = this.transport.plan.events[this.cursor - 1];
    if (this.transport.state !== 'playing' || hold === undefined || !handedOver || handedOver.at < hold) return;
    this.port.stopAll();
    this.resync(this.transport.position());
    this.tick();
  }

  /** After a pause or seek: the ambience that should be playing, and the line in progress from where it is. */
  private resync(position: Seconds): void {
    const events = this.transport.plan.events;
    this.cursor = events.findIndex((event) => event.at >= position);
    if (this.cursor < 0) this.cursor = events.length;
    const before = events.slice(0, this.cursor);
    const ambience = before.findLast((event) => event.kind === 'ambience');
    if (ambience?.kind === 'ambience' && ambience.ambience) {
      this.port.scheduleAmbience(ambience.ambience, this.transport.clockTimeAt(position), ambience.volume, this.options.resumeFade);
    }
    const speaking = before.findLast((event) => event.kind === 'voice');
    if (speaking?.kind === 'voice' && speaking.at + speaking.duration > position) {
      const offset = position - speaking.at;
      this.port.scheduleVoice(speaking.source, this.transport.clockTimeAt(position), offset, speaking.duration - offset);
    }
  }

  private handOver(event: TimelineEvent): void {
    const when = this.transport.clockTimeAt(event.at);
    if (when < this.clock.now()) this.lateEvents += 1;
    switch (event.kind) {
      case 'voice':
        this.port.scheduleVoice(event.source, when, 0, event.duration);
        return;
      case 'cue':
        this.port.scheduleCue(event.sound, when, event.pan);
        return;
      case 'ambience':
        this.port.scheduleAmbience(event.ambience, when, event.volume, event.fade);
        return;
      case 'ambience-event':
        this.port.scheduleAmbienceEvent(event.ambience, event.variant, when, event.pan, event.volume);
        return;
      case 'breath':
      case 'prompt':
        return;
    }
  }
}
