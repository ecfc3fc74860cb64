import type { Bus, SessionOutput, SoundNeeds, SoundsReport } from '../engine/audio-port';
import type { Clock } from '../engine/clock';
import type { AmbienceKind, RecordingSlot } from '../engine/script-model';
import type { CueSound, VoiceSource } from '../engine/timeline';
import type { Seconds } from '../engine/units';
import type { WebAudioPort } from './web-audio-port';

/**
 * A session's sound on a real AudioContext: the port's scheduled sounds, on the context's clock.
 * "Interrupted" is any state but running while the session expects sound (a phone call on iOS,
 * a lost output device); the player pauses and the person resumes.
 */
export class WebAudioOutput implements SessionOutput {
  readonly clock: Clock;
  readonly recordingSeconds: Readonly<Partial<Record<RecordingSlot, Seconds>>>;
  readonly takeSeconds: Readonly<Record<string, Seconds>>;

  constructor(
    private readonly context: AudioContext,
    private readonly port: WebAudioPort,
    /** Decodes a session's sounds into `port` as a plan needs them. */
    private readonly loader: { prepare(needs: SoundNeeds): Promise<SoundsReport> },
  ) {
    this.clock = { now: () => context.currentTime };
    this.recordingSeconds = Object.fromEntries(Object.entries(port.recordings).map(([slot, buffer]) => [slot, buffer.duration]));
    this.takeSeconds = Object.fromEntries(Object.entries(port.takes).map(([key, take]) => [key, take.duration]));
  }

  prepare(needs: SoundNeeds): Promise<SoundsReport> {
    return this.loader.prepare(needs);
  }

  async start(): Promise<boolean> {
    if (this.context.state === 'running') return true;
    try {
      await this.context.resume();
      return true;
    } catch {
      return false;
    }
  }

  onInterruption(listener: () => void): () => void {
    const onStateChange = (): void => {
      if (this.context.state !== 'running') listener();
    };
    this.context.addEventListener('statechange', onStateChange);
    return () => {
      this.context.removeEventListener('statechange', onStateChange);
    };
  }

  scheduleVoice(source: VoiceSource, when: Seconds, offset: Seconds, duration: Seconds): void {
    this.port.scheduleVoice(source, when, offset, duration);
  }

  scheduleCue(sound: CueSound, when: Seconds, pan: number): void {
    this.port.scheduleCue(sound, when, pan);
  }

  scheduleAmbience(ambience: AmbienceKind | null, when: Seconds, volume: number, fade: Seconds): void {
    this.port.scheduleAmbience(ambience, when, volume, fade);
  }

  scheduleAmbienceEvent(ambience: AmbienceKind, variant: number, when: Seconds, pan: number, volume: number): void {
    this.port.scheduleAmbienceEvent(ambience, variant, when, pan, volume);
  }

  stopAll(fade?: Seconds): void {
    this.port.stopAll(fade);
  }

  setVolume(bus: Bus, volume: number): void {
    this.port.setVolume(bus, volume);
  }

  keepOutputAwake(awake: boolean): void {
    this.port.keepOutputAwake(awake);
  }

  dispose(): void {
    this.port.dispose();
  }
}
