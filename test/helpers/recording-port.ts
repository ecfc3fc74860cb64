import type { AudioPort } from '../../src/engine/audio-port';
import type { AmbienceKind } from '../../src/engine/script-model';
import type { CueSound, VoiceSource } from '../../src/engine/timeline';

export type PortCall =
  | { kind: 'voice'; source: VoiceSource; when: number; offset: number; duration: number }
  | { kind: 'cue'; sound: CueSound; when: number; pan: number }
  | { kind: 'ambience'; ambience: AmbienceKind | null; when: number; volume: number; fade: number }
  | { kind: 'ambience-event'; ambience: AmbienceKind; variant: number; when: number; pan: number; volume: number }
  | { kind: 'stop-all' };

/** An audio port that only writes down what it was asked to play, and when. */
export class RecordingPort implements AudioPort {
  readonly calls: PortCall[] = [];

  scheduleVoice(source: VoiceSource, when: number, offset: number, duration: number): void {
    this.calls.push({ kind: 'voice', source, when, offset, duration });
  }

  scheduleCue(sound: CueSound, when: number, pan: number): void {
    this.calls.push({ kind: 'cue', sound, when, pan });
  }

  scheduleAmbience(ambience: AmbienceKind | null, when: number, volume: number, fade: number): void {
    this.calls.push({ kind: 'ambience', ambience, when, volume, fade });
  }

  scheduleAmbienceEvent(ambience: AmbienceKind, variant: number, when: number, pan: number, volume: number): void {
    this.calls.push({ kind: 'ambience-event', ambience, variant, when, pan, volume });
  }

  stopAll(): void {
    this.calls.push({ kind: 'stop-all' });
  }

  /** Everything scheduled since the last stop. */
  sinceLastStop(): PortCall[] {
    const last = this.calls.findLastIndex((call) => call.kind === 'stop-all');
    return this.calls.slice(last + 1);
  }
}
