import type { AmbienceKind } from './script-model';
import type { CueSound, VoiceSource } from './timeline';
import type { Seconds } from './units';

/**
 * What the engine asks of the audio layer. Every time is on the audio clock (the same clock the
 * engine was given), and is the exact moment the sound must start at the output.
 */
export interface AudioPort {
  /** Play `duration` seconds of a voice clip starting `offset` seconds into it (non-zero when resuming mid-line). */
  scheduleVoice(source: VoiceSource, when: Seconds, offset: Seconds, duration: Seconds): void;
  scheduleCue(sound: CueSound, when: Seconds, pan: number): void;
  /** Fade the ambience bed to `ambience` (crossfading from the current one), or out when `null`. */
  scheduleAmbience(ambience: AmbienceKind | null, when: Seconds, volume: number, fade: Seconds): void;
  /**
   * Stop everything: scheduled sounds never start, sounding ones fade out over `fade` seconds
   * (quickly by default). A sound already fading out keeps its fade.
   */
  stopAll(fade?: Seconds): void;
}
