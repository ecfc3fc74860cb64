import type { NarratorId } from './narrators';
import type { PlanTemplate } from './plan-template';
import type { AmbienceKind, LengthRange, PracticeKind } from './script-model';
import type { CueSound } from './timeline';
import type { Seconds } from './units';

/** The library index's and the shared sounds' format: bumped whenever their shape changes. */
export const packFormat = 2;

/**
 * A session manifest's format. 3: the plan template replaces the script as what the app plays
 * from. The app still plays format 2 (packs kept offline by an earlier version) from its script.
 */
export const sessionManifestFormat = 3;
export const legacySessionManifestFormat = 2;

/** One encoded audio file in two codecs: Opus in WebM, and MP3 for browsers without Opus. */
export interface EncodedAudio {
  readonly webm: PackFile;
  readonly mp3: PackFile;
}

export interface PackFile {
  /** Relative to the manifest; the name carries a content hash, so it can be cached forever. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** Where a clip sits inside a sprite file. */
export interface SpriteClip {
  readonly start: Seconds;
  readonly duration: Seconds;
}

export interface NarrationLine extends SpriteClip {
  readonly text: string;
  /** Set when a recorded take replaced the synthesized voice. */
  readonly take?: string;
}

/** One narrator's rendering of a session: its sprite, and its lines under the same keys as the plan's. */
export interface NarratorNarration {
  readonly narration: EncodedAudio;
  readonly lines: Readonly<Record<string, NarrationLine>>;
}

export interface SessionManifest {
  readonly format: typeof sessionManifestFormat;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly practice: PracticeKind;
  readonly length: Omit<LengthRange, 'at'>;
  readonly contentNote?: string;
  /** The voice every line was rendered with; part of each line's key. */
  readonly voice: string;
  /** The script's own text, for people who want to read or share it; the app plays from `template`. */
  readonly source: string;
  readonly sourceFile: string;
  readonly sourceSha256: string;
  /** Source, voice and recorded takes together: the pack is current while this matches. */
  readonly inputsSha256: string;
  readonly narration: EncodedAudio;
  /** By line key (see `lineKey`). */
  readonly lines: Readonly<Record<string, NarrationLine>>;
  /** The other narrators a person can choose (`narration` and `lines` are the default narrator's). */
  readonly narrators?: Readonly<Partial<Record<NarratorId, NarratorNarration>>>;
  /** The default narrator's seconds of speech. */
  readonly spokenSeconds: Seconds;
  /** Every step with its real duration and events, on every branch: what the app stretches and plays. */
  readonly template: PlanTemplate;
}

/** A session manifest written by an earlier version (format 2): the app plans it from its script. */
export type LegacySessionManifest = Omit<SessionManifest, 'format' | 'template'> & { readonly format: typeof legacySessionManifestFormat };

export interface AmbienceLoop {
  readonly audio: EncodedAudio;
  /** Exact length of the bed at the file's start: the player loops on this, not on the decoded length (codecs pad). */
  readonly loopSeconds: Seconds;
  /** The ambience's separate sounds (see `ambienceScatter`), after the bed in the same file; absent in earlier packs. */
  readonly events?: readonly SpriteClip[];
  /** Integrated loudness (LUFS) of the bed with its events at their usual density, at volume 1. */
  readonly loudness?: number;
}

export interface CommonManifest {
  readonly format: typeof packFormat;
  readonly voice: string;
  /** Changes whenever the synthesized sounds would change; the compiler rebuilds on a mismatch. */
  readonly recipe: string;
  readonly cues: { readonly audio: EncodedAudio; readonly clips: Readonly<Record<CueSound, SpriteClip>> };
  readonly ambience: Readonly<Record<AmbienceKind, AmbienceLoop>>;
  /** How the narrators say the words they would get wrong, as Flite reads them; absent in earlier packs. */
  readonly respellings?: readonly Respelling[];
}

/** A word or phrase (matched whole, regardless of case) and the spelling a voice reads in its place. */
export interface Respelling {
  readonly say: string;
  readonly respell: string;
}

export interface LibraryEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly practice: PracticeKind;
  readonly length: Omit<LengthRange, 'at'>;
  /** Relative to the library index. */
  readonly manifest: string;
  /** The ambience loops the session can play (on any branch). */
  readonly ambience: readonly AmbienceKind[];
  /** Everything this session needs to play offline: its narration plus the cues and ambience it uses. */
  readonly bytes: number;
}

export interface LibraryIndex {
  readonly format: typeof packFormat;
  readonly common: string;
  readonly sessions: readonly LibraryEntry[];
}
