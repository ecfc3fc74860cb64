import type { Minutes, Seconds } from './units';

/** Where something was written: 1-based line and column in a script file. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

export const practiceKinds = [
  'safe-space',
  'self-soothing',
  'breathing',
  'butterfly-hug',
  'five-questions',
  'letter',
  'memories',
  'play',
  'self-compassion',
  'check-in',
] as const;
export type PracticeKind = (typeof practiceKinds)[number];

export const ambienceKinds = ['beach', 'forest', 'room', 'rain', 'brown-noise'] as const;
export type AmbienceKind = (typeof ambienceKinds)[number];

/**
 * How a breathing step is cued: words every breath, tones, nothing, or cues that thin out — words
 * for the first breaths, then tones (`voice-then-tone`), then silence too (`voice-then-quiet`).
 */
export const breathCueKinds = ['voice', 'tone', 'none', 'voice-then-tone', 'voice-then-quiet'] as const;
export type BreathCue = (typeof breathCueKinds)[number];

export const recordingSlots = ['letter'] as const;
export type RecordingSlot = (typeof recordingSlots)[number];

/** A duration that is either fixed or stretches between bounds to fit the chosen session length. */
export type Span =
  | { readonly kind: 'fixed'; readonly seconds: Seconds }
  | { readonly kind: 'elastic'; readonly min: Seconds; readonly max: Seconds; readonly weight: number };

export interface BreathPattern {
  readonly inhale: Seconds;
  readonly hold: Seconds;
  readonly exhale: Seconds;
  readonly rest: Seconds;
}

/** A step only plays when an earlier choice was answered with this option. */
export interface Condition {
  readonly choice: string;
  readonly option: string;
  readonly at: SourceLocation;
}

interface StepBase {
  readonly at: SourceLocation;
  readonly when?: Condition;
}

export interface SayStep extends StepBase {
  readonly kind: 'say';
  readonly text: string;
  /** A recorded take that replaces the synthesized voice, relative to the script's folder. */
  readonly take?: string;
}

export interface PauseStep extends StepBase {
  readonly kind: 'pause';
  readonly span: Span;
}

export interface BreatheStep extends StepBase {
  readonly kind: 'breathe';
  readonly patternName: string;
  readonly pattern: BreathPattern;
  /** How long to breathe: whole cycles, or a span that is rounded to whole cycles. */
  readonly length: { readonly kind: 'cycles'; readonly cycles: number } | { readonly kind: 'span'; readonly span: Span };
  readonly cue: BreathCue;
}

export interface BellStep extends StepBase {
  readonly kind: 'bell';
  readonly count: number;
}

export interface TapsStep extends StepBase {
  readonly kind: 'taps';
  /** Seconds from one tap to the next (left, right, left, …). */
  readonly interval: Seconds;
  readonly length: { readonly kind: 'count'; readonly count: number } | { readonly kind: 'span'; readonly span: Span };
}

export interface AmbienceStep extends StepBase {
  readonly kind: 'ambience';
  /** `null` stops the ambience; starting one while another plays crossfades. */
  readonly ambience: AmbienceKind | null;
  readonly volume: number;
  readonly fade: Seconds;
}

export interface PromptStep extends StepBase {
  readonly kind: 'prompt';
  readonly text: string;
  /** A timed quiet window, or `wait`: the session holds until the person continues. */
  readonly window: { readonly kind: 'wait'; readonly nominal: Seconds } | { readonly kind: 'timed'; readonly span: Span };
  /** Where the person's answer goes: its own journal entry, the session's one letter, or nowhere. */
  readonly writing: PromptWriting;
  /** `false`: a timed window keeps its time even while the person writes (by default it waits for them). */
  readonly waitsForWriting?: false;
}

export type PromptWriting = 'journal' | 'letter' | null;

export interface ChoiceOption {
  readonly id: string;
  readonly label: string;
  readonly ambience?: AmbienceKind;
  readonly steps: readonly Step[];
  readonly at: SourceLocation;
}

export interface ChoiceStep extends StepBase {
  readonly kind: 'choice';
  readonly name: string;
  readonly question: string;
  readonly options: readonly ChoiceOption[];
  readonly defaultOption: string;
}

export interface RecordingStep extends StepBase {
  readonly kind: 'recording';
  readonly slot: RecordingSlot;
  /** Spoken instead when the person has not recorded anything for this slot. */
  readonly fallback: string;
  /** The longest stretch of the person's recording the session plays. */
  readonly maxSeconds: Seconds;
}

export type Step =
  | SayStep
  | PauseStep
  | BreatheStep
  | BellStep
  | TapsStep
  | AmbienceStep
  | PromptStep
  | ChoiceStep
  | RecordingStep;

export type StepKind = Step['kind'];
export const stepKinds: readonly StepKind[] = [
  'say',
  'pause',
  'breathe',
  'bell',
  'taps',
  'ambience',
  'prompt',
  'choice',
  'recording',
];

export interface LengthRange {
  readonly default: Minutes;
  readonly min: Minutes;
  readonly max: Minutes;
  readonly at: SourceLocation;
}

export interface Script {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly practice: PracticeKind;
  readonly length: LengthRange;
  /** Shown before an inner-child session; the person opts in. */
  readonly contentNote?: string;
  readonly steps: readonly Step[];
}
