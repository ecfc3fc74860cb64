import type { Clock } from './clock';
import type { NarratorId } from './narrators';
import type { AmbienceKind, RecordingSlot } from './script-model';
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
  /** Play one of the ambience's separate sounds (its `variant`th wave, bird, crackle or drop) on the ambience bus. */
  scheduleAmbienceEvent(ambience: AmbienceKind, variant: number, when: Seconds, pan: number, volume: number): void;
  /**
   * Stop everything: scheduled sounds never start, sounding ones fade out over `fade` seconds
   * (quickly by default). A sound already fading out keeps its fade.
   */
  stopAll(fade?: Seconds): void;
}

/** The three volumes a person sets: the narrator, the ambience bed, bells and breath cues. */
export type Bus = 'voice' | 'ambience' | 'cues';
export const buses: readonly Bus[] = ['voice', 'ambience', 'cues'];

/** What a plan needs decoded before it can sound: whose voice reads it, and the ambience of its places. */
export interface SoundNeeds {
  readonly narrator: NarratorId | undefined;
  readonly ambience: readonly AmbienceKind[];
}

/** What came of making sounds ready: what could not be loaded (in the person's words), and whose voice is there. */
export interface SoundsReport {
  readonly problems: readonly string[];
  /** A downloaded file was found damaged (and dropped): the session should be downloaded again. */
  readonly damagedDownload: boolean;
  /** The narrator whose voice is loaded: the one asked for, or the default one when it could not be. */
  readonly narrator: NarratorId | undefined;
}

/**
 * Everything a session asks of its sound output: the engine's port, plus the clock it plays on,
 * the person's volumes, starting the device's sound, and hearing when the device takes it away.
 */
export interface SessionOutput extends AudioPort {
  /** The audio clock every scheduled time is on. */
  readonly clock: Clock;
  /** How long each of the person's own recordings that this output can play is. */
  readonly recordingSeconds: Readonly<Partial<Record<RecordingSlot, Seconds>>>;
  /** How long the speech of each of the person's own takes of lines is, by line key. */
  readonly takeSeconds: Readonly<Record<string, Seconds>>;
  /**
   * Decodes what `needs` asks for that is not held yet, and lets go of held ambience it no longer
   * asks for. Calls run one after another; each report tells only of its own call.
   */
  prepare(needs: SoundNeeds): Promise<SoundsReport>;
  /** Asks the device to make sound (after a person's tap); false if it would not. */
  start(): Promise<boolean>;
  /** Live volume of a bus, 0 to 1. */
  setVolume(bus: Bus, volume: number): void;
  /** While a session plays or waits for the person, the output never falls to exact silence. */
  keepOutputAwake(awake: boolean): void;
  /** Calls `listener` when the device stops the sound (a phone call, a lost device); returns the unsubscribe. */
  onInterruption(listener: () => void): () => void;
  /** Stops everything and lets the output go. */
  dispose(): void;
}
