import { buses, type AudioPort, type Bus } from '../engine/audio-port';
import type { SpriteClip } from '../engine/pack-manifest';
import type { AmbienceKind, RecordingSlot } from '../engine/script-model';
import type { CueSound, VoiceSource } from '../engine/timeline';
import { takeGainDb } from '../engine/take-shape';
import type { Seconds } from '../engine/units';

export type { Bus };

/** The decoded sounds of one session; a missing part (it failed to load) is simply silent. */
export interface SessionSounds {
  /** One narrator's lines, and their speech level (as `takeShape` measures it) when the person's takes are matched to it. */
  readonly narration?: { readonly buffer: AudioBuffer; readonly lines: Readonly<Record<string, SpriteClip>>; readonly levelDb?: number };
  readonly cues?: { readonly buffer: AudioBuffer; readonly clips: Readonly<Record<CueSound, SpriteClip>> };
  readonly ambience: Readonly<Partial<Record<AmbienceKind, AmbienceSound>>>;
  readonly recordings: Readonly<Partial<Record<RecordingSlot, AudioBuffer>>>;
  /** The person's own takes of lines, by line key: where the speech lies in each, and its level (matched to the narration's when played). */
  readonly takes?: Readonly<Record<string, PersonTake>>;
}

export interface PersonTake {
  readonly buffer: AudioBuffer;
  readonly start: Seconds;
  readonly duration: Seconds;
  /** The take's speech level, as `takeShape` measures it. */
  readonly levelDb: number;
}

/** An ambience file: its bed loops on `[0, loopSeconds)`; its separate sounds follow it as clips. */
export interface AmbienceSound {
  readonly buffer: AudioBuffer;
  readonly loopSeconds: Seconds;
  readonly events: readonly SpriteClip[];
}

interface Voice {
  readonly source: AudioBufferSourceNode;
  readonly gain: GainNode;
  readonly startsAt: Seconds;
}

/** Resuming mid-line or stopping: short ramps so nothing clicks. */
const clickFreeRamp: Seconds = 0.015;
const stopRamp: Seconds = 0.08;
/** The narrators' speech level in the shipped packs (−18 dB), for takes played before or without a narration. */
const defaultNarrationLevelDb = -18;

/**
 * Chromium hands a context whose output has been exact digital silence for a while to a fake
 * sink, and back when sound returns; the move shifts the audio clock against the real output,
 * and every later sound with it (measured by `npm run bench:timing`: tens of milliseconds after
 * a long silence). A constant offset of 1e-6 (−120 dBFS, below any converter's last bit) is not
 * silence, so the output stays with the device while a session plays; paused, it may rest.
 */
const inaudibleOffset = 1e-6;

/**
 * Plays the engine's events on Web Audio: every sound is an AudioBufferSourceNode started at its
 * exact time with `start(when, offset, duration)`, so it is sample-exact whatever the main thread
 * does later. Three buses (voice, ambience, cues) with live volume; stereo pan for taps; the
 * ambience bed loops on its exact loop length and crossfades, and its separate sounds play over it
 * where the engine placed them.
 */
export class WebAudioPort implements AudioPort {
  readonly gains: Record<Bus, GainNode>;
  /** The person's own recordings this port can play. */
  readonly recordings: SessionSounds['recordings'];
  readonly takes: NonNullable<SessionSounds['takes']>;
  private readonly active = new Set<Voice>();
  private readonly stopping = new Set<Voice>();
  private disposed = false;
  private bed: { kind: AmbienceKind; voice: Voice; volume: number } | undefined;
  private outputKeeper: ConstantSourceNode | undefined;
  private narration: SessionSounds['narration'];
  private cues: SessionSounds['cues'];
  private ambience: SessionSounds['ambience'];

  constructor(
    private readonly context: BaseAudioContext,
    private readonly destination: AudioNode,
    private readonly sounds: SessionSounds,
  ) {
    this.recordings = sounds.recordings;
    this.takes = sounds.takes ?? {};
    this.narration = sounds.narration;
    this.cues = sounds.cues;
    this.ambience = sounds.ambience;
    this.gains = {
      voice: context.createGain(),
      ambience: context.createGain(),
      cues: context.createGain(),
    };
    for (const bus of buses) this.gains[bus].connect(destination);
  }

  /** Another narrator's lines (same keys, same plan): used by every line scheduled from now on. */
  useNarration(narration: NonNullable<SessionSounds['narration']>): void {
    this.narration = narration;
  }

  /** The bells and breath cues, once decoded. */
  useCues(cues: NonNullable<SessionSounds['cues']>): void {
    this.cues = cues;
  }

  get ambienceSounds(): SessionSounds['ambience'] {
    return this.ambience;
  }

  /** The ambience of the person's choices, decoded before Start; what is not chosen is not held. */
  useAmbience(ambience: SessionSounds['ambience']): void {
    this.ambience = ambience;
  }

  /** While a session plays (or waits for the person), the output never falls to exact silence. */
  keepOutputAwake(awake: boolean): void {
    if (awake && !this.outputKeeper && !this.disposed) {
      this.outputKeeper = this.context.createConstantSource();
      this.outputKeeper.offset.value = inaudibleOffset;
      this.outputKeeper.connect(this.destination);
      this.outputKeeper.start();
    } else if (!awake && this.outputKeeper) {
      this.outputKeeper.stop();
      this.outputKeeper.disconnect();
      this.outputKeeper = undefined;
    }
  }

  /** Live volume of a bus, 0 to 1, glided so it never clicks. */
  setVolume(bus: Bus, volume: number): void {
    const gain = this.gains[bus].gain;
    gain.cancelScheduledValues(this.context.currentTime);
    gain.setTargetAtTime(Math.min(1, Math.max(0, volume)), this.context.currentTime, 0.03);
  }

  scheduleVoice(source: VoiceSource, when: Seconds, offset: Seconds, duration: Seconds): void {
    const clip = this.voiceClip(source);
    if (!clip || duration <= 0) return;
    // Started late (a stalled page): skip ahead by the lateness so the voice stays on the timeline.
    const late = Math.max(0, this.context.currentTime - when);
    const skip = offset + late;
    if (skip >= clip.duration) return;
    const voice = this.play(clip.buffer, this.gains.voice, Math.max(when, this.context.currentTime), clip.start + skip, Math.min(duration - late, clip.duration - skip));
    const level = clip.gain ?? 1;
    voice.gain.gain.value = level;
    if (skip > 0) {
      voice.gain.gain.setValueAtTime(0, voice.startsAt);
      voice.gain.gain.linearRampToValueAtTime(level, voice.startsAt + clickFreeRamp);
    }
  }

  scheduleCue(sound: CueSound, when: Seconds, pan: number): void {
    const cues = this.cues;
    const clip = cues?.clips[sound];
    if (!cues || !clip) return;
    const panner = this.context.createStereoPanner();
    panner.pan.value = pan;
    panner.connect(this.gains.cues);
    const voice = this.play(cues.buffer, panner, when, clip.start, clip.duration);
    voice.source.addEventListener('ended', () => {
      panner.disconnect();
    });
  }

  scheduleAmbienceEvent(kind: AmbienceKind, variant: number, when: Seconds, pan: number, volume: number): void {
    const sound = this.ambience[kind];
    const clip = sound?.events[variant];
    if (!sound || !clip || when < this.context.currentTime) return;
    const panner = this.context.createStereoPanner();
    panner.pan.value = pan;
    panner.connect(this.gains.ambience);
    const voice = this.play(sound.buffer, panner, when, clip.start, clip.duration);
    voice.gain.gain.value = volume;
    voice.source.addEventListener('ended', () => {
      panner.disconnect();
    });
  }

  scheduleAmbience(kind: AmbienceKind | null, when: Seconds, volume: number, fade: Seconds): void {
    const ramp = Math.max(fade, clickFreeRamp);
    const current = this.bed;
    if (current && current.kind === kind) {
      current.voice.gain.gain.setValueAtTime(current.volume, when);
      current.voice.gain.gain.linearRampToValueAtTime(volume, when + ramp);
      this.bed = { ...current, volume };
      return;
    }
    if (current) {
      current.voice.gain.gain.setValueAtTime(current.volume, when);
      current.voice.gain.gain.linearRampToValueAtTime(0, when + ramp);
      current.voice.source.stop(when + ramp);
      this.bed = undefined;
    }
    const loop = kind ? this.ambience[kind] : undefined;
    if (!kind || !loop) return;
    const source = this.context.createBufferSource();
    source.buffer = loop.buffer;
    source.loop = true;
    source.loopStart = 0;
    // The codec may pad the decoded file; loop on the exact length the compiler made seamless.
    source.loopEnd = Math.min(loop.loopSeconds, loop.buffer.duration);
    const voice = this.track(source, this.gains.ambience, when);
    voice.gain.gain.setValueAtTime(0, when);
    voice.gain.gain.linearRampToValueAtTime(volume, when + ramp);
    source.start(when);
    this.bed = { kind, voice, volume };
  }

  stopAll(fade: Seconds = stopRamp): void {
    const now = this.context.currentTime;
    for (const voice of this.active) {
      if (this.stopping.has(voice)) continue;
      if (voice.startsAt > now) {
        voice.source.stop();
        continue;
      }
      this.stopping.add(voice);
      voice.gain.gain.cancelScheduledValues(now);
      voice.gain.gain.setTargetAtTime(0, now, fade / 4);
      voice.source.stop(now + fade);
    }
    this.bed = undefined;
  }

  /** Stops everything; the buses are let go once the last fade has ended. */
  dispose(): void {
    this.stopAll();
    this.keepOutputAwake(false);
    this.disposed = true;
    this.releaseWhenSilent();
  }

  private releaseWhenSilent(): void {
    if (this.disposed && this.active.size === 0) for (const bus of buses) this.gains[bus].disconnect();
  }

  private voiceClip(source: VoiceSource): { buffer: AudioBuffer; start: Seconds; duration: Seconds; gain?: number } | undefined {
    if (source.kind === 'take') {
      const take = Object.hasOwn(this.takes, source.key) ? this.takes[source.key] : undefined;
      return take && { ...take, gain: 10 ** (takeGainDb(take, this.narration?.levelDb ?? defaultNarrationLevelDb) / 20) };
    }
    if (source.kind === 'recording') {
      const buffer = this.sounds.recordings[source.slot];
      return buffer && { buffer, start: 0, duration: buffer.duration };
    }
    const narration = this.narration;
    const clip = narration?.lines[source.key];
    return narration && clip && { buffer: narration.buffer, start: clip.start, duration: clip.duration };
  }

  private play(buffer: AudioBuffer, destination: AudioNode, when: Seconds, offset: Seconds, duration: Seconds): Voice {
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    const voice = this.track(source, destination, when);
    source.start(when, offset, duration);
    return voice;
  }

  private track(source: AudioBufferSourceNode, destination: AudioNode, when: Seconds): Voice {
    const gain = this.context.createGain();
    source.connect(gain).connect(destination);
    const voice = { source, gain, startsAt: when };
    this.active.add(voice);
    source.addEventListener('ended', () => {
      this.active.delete(voice);
      this.stopping.delete(voice);
      gain.disconnect();
      this.releaseWhenSilent();
    });
    return voice;
  }
}
