import type { AmbienceKind, PromptWriting, RecordingSlot, StepKind } from './script-model';
import type { Seconds } from './units';

export const cueSounds = [
  'bell',
  'tap',
  'tone-inhale',
  'tone-hold',
  'tone-exhale',
  'word-inhale',
  'word-hold',
  'word-exhale',
] as const;
export type CueSound = (typeof cueSounds)[number];

export type BreathPhase = 'inhale' | 'hold' | 'exhale' | 'rest';

/** What the voice bus plays: a rendered narration line, or the person's own recording. */
/** A narrated line; the person's own recording for a slot; or the person's own take of a line (in their voice). */
export type VoiceSource =
  | { readonly kind: 'line'; readonly key: string }
  | { readonly kind: 'recording'; readonly slot: RecordingSlot }
  | { readonly kind: 'take'; readonly key: string };

export type TimelineEvent =
  | { readonly kind: 'voice'; readonly at: Seconds; readonly duration: Seconds; readonly text: string; readonly source: VoiceSource }
  | { readonly kind: 'cue'; readonly at: Seconds; readonly sound: CueSound; readonly pan: number }
  | { readonly kind: 'ambience'; readonly at: Seconds; readonly ambience: AmbienceKind | null; readonly volume: number; readonly fade: Seconds }
  /** One of the ambience's separate sounds (a wave, a bird, a crackle, a drop), placed by the engine over its bed. */
  | { readonly kind: 'ambience-event'; readonly at: Seconds; readonly ambience: AmbienceKind; readonly variant: number; readonly pan: number; readonly volume: number }
  | { readonly kind: 'breath'; readonly at: Seconds; readonly duration: Seconds; readonly phase: BreathPhase }
  | {
      readonly kind: 'prompt';
      readonly at: Seconds;
      readonly duration: Seconds;
      readonly text: string;
      /** The session holds at the end of the window until the person continues. */
      readonly waits: boolean;
      readonly writing: PromptWriting;
      /** `false`: a timed window ends on time even while the person writes; by default it waits for them. */
      readonly waitsForWriting?: false;
    };

export interface Caption {
  readonly at: Seconds;
  readonly end: Seconds;
  readonly text: string;
}

/** One step as it will play: the progress bar's markers and the targets of next / previous. */
export interface PlannedStep {
  readonly kind: StepKind;
  readonly at: Seconds;
  readonly duration: Seconds;
  readonly label: string;
}

export interface SessionPlan {
  readonly scriptId: string;
  readonly title: string;
  /** The real length, which can differ from the requested one by less than a breath cycle. */
  readonly duration: Seconds;
  readonly steps: readonly PlannedStep[];
  /** Sorted by `at`; events at the same time keep script order. */
  readonly events: readonly TimelineEvent[];
  readonly captions: readonly Caption[];
  readonly choices: Readonly<Record<string, string>>;
}
