import { ambienceEventsOf } from './ambience-plan';
import { choicesIn, pathThrough, settleAnswers } from './choice-tree';
import { fillElastic, type Stretchable } from './elastic-fill';
import type { AmbienceKind, RecordingSlot, StepKind } from './script-model';
import type { Caption, PlannedStep, SessionPlan, TimelineEvent } from './timeline';
import { minutesToSeconds, type Minutes, type Seconds } from './units';

/**
 * A session's plan before its length and choices are known: every step with its real duration
 * (fixed, or stretchable within bounds) and its events at offsets from the step's start, on every
 * branch. The compiler writes it into each pack; the app, the compiler and the tests all make a
 * plan from it with `stretchTemplate`, so what plays is what was planned.
 */
export interface PlanTemplate {
  readonly scriptId: string;
  readonly title: string;
  /** In minutes, as the script gives it. */
  readonly length: { readonly default: Minutes; readonly min: Minutes; readonly max: Minutes };
  readonly steps: readonly TemplateNode[];
}

/** A step plays only when an earlier choice was answered with this option. */
export interface TemplateCondition {
  readonly choice: string;
  readonly option: string;
}

export type TemplateNode = TemplateStep | TemplateChoice;

export interface TemplateChoice {
  readonly kind: 'choice';
  readonly name: string;
  readonly question: string;
  readonly defaultOption: string;
  readonly options: readonly TemplateOption[];
  readonly when?: TemplateCondition;
}

export interface TemplateOption {
  readonly id: string;
  readonly label: string;
  /** The branch's steps; a branch's own ambience is its first step. */
  readonly steps: readonly TemplateNode[];
}

/**
 * A timeline event at `offset` seconds into its step instead of at a time; a prompt's window
 * has no duration of its own: it lasts to the end of its step.
 */
export type TemplateEvent = TimelineEvent extends infer Event
  ? Event extends { readonly kind: 'prompt' }
    ? Omit<Event, 'at' | 'duration'> & { readonly offset: Seconds }
    : Event extends TimelineEvent
      ? Omit<Event, 'at'> & { readonly offset: Seconds }
      : never
  : never;

export interface TemplateStep {
  readonly kind: Exclude<StepKind, 'choice'>;
  readonly when?: TemplateCondition;
  /** What the progress bar calls the step; an ambience change is no step of its own and has none. */
  readonly label?: string;
  readonly fixed: Seconds;
  /** How far the step can grow beyond `fixed`, for the session's length. */
  readonly stretch?: Stretchable;
  readonly events: readonly TemplateEvent[];
  /** Events that repeat every `every` seconds for as long as the step lasts (breath cycles, taps). */
  readonly repeat?: TemplateRepeat;
  /** The person's own recording for this slot, when there is one, plays instead of the step's line. */
  readonly recording?: { readonly slot: RecordingSlot; readonly maxSeconds: Seconds };
}

export interface TemplateRepeat {
  readonly every: Seconds;
  readonly events: readonly TemplateEvent[];
  readonly alternatePan?: true;
  /**
   * From repetition `from` (counted from 0) on, each repetition plays these events instead: breath
   * cues that thin out from words to tones to silence. In order of `from`; the last one reached holds.
   */
  readonly later?: readonly RepeatStage[];
}

export interface RepeatStage {
  readonly from: number;
  readonly events: readonly TemplateEvent[];
}

/** Cues that thin out: words for this many breaths, then tones for this many more (then, if asked, silence). */
export const breathCueThinning = { voicedCycles: 3, tonedCycles: 5 } as const;

/** Silence after every spoken line: as long as a rest between sentences, so lines never come closer than that. */
export const gapAfterLine: Seconds = 1.5;
export const recordingCaption = 'Your own recording';

export interface StretchInputs {
  readonly minutes: Minutes;
  /** Choice name → option id; missing or unknown answers take the default. */
  readonly choices?: Readonly<Record<string, string>>;
  /** Lengths of the person's own recordings, by slot. */
  readonly recordings?: Readonly<Partial<Record<RecordingSlot, Seconds>>>;
  /**
   * Lengths of the person's own takes of lines, by line key: each plays instead of the narrator's
   * line, and the step grows or shrinks by the difference (the session's silences absorb it).
   */
  readonly takes?: Readonly<Record<string, Seconds>>;
  /**
   * The person asked for breath cues that thin out to fall silent too: after the words and the
   * tones, the breaths go on without a sound (the shape still moves).
   */
  readonly quietBreaths?: boolean;
  /** Seeds where the ambience's separate sounds fall; by default the session's id, so a session always sounds alike. */
  readonly seed?: string;
}

const isTemplateChoice = (node: TemplateNode): node is TemplateChoice => node.kind === 'choice';

/** The choices a template offers, in order of appearance (nested ones included). */
export function templateChoices(template: PlanTemplate): TemplateChoice[] {
  return choicesIn(template.steps, isTemplateChoice);
}

/** The option each choice takes: the one asked for if it exists, else the default. */
export function settleChoices(template: PlanTemplate, wanted: Readonly<Record<string, string>>): Record<string, string> {
  return settleAnswers(templateChoices(template), wanted);
}

/** The steps a person hears for these (settled) choices, in order. */
export function resolveTemplatePath(template: PlanTemplate, choices: Readonly<Record<string, string>>): TemplateStep[] {
  return pathThrough(template.steps, choices, isTemplateChoice);
}

/** The ambience loops a template can play, on any branch. */
export function templateAmbience(template: PlanTemplate): AmbienceKind[] {
  const used = new Set<AmbienceKind>();
  forEachStep(template.steps, (step) => {
    for (const event of step.events) if (event.kind === 'ambience' && event.ambience) used.add(event.ambience);
  });
  return [...used];
}

/** The recording slots a template can play, on any branch. */
export function templateRecordingSlots(template: PlanTemplate): RecordingSlot[] {
  const slots = new Set<RecordingSlot>();
  forEachStep(template.steps, (step) => {
    if (step.recording) slots.add(step.recording.slot);
  });
  return [...slots];
}

function forEachStep(nodes: readonly TemplateNode[], visit: (step: TemplateStep) => void): void {
  for (const node of nodes) {
    if (node.kind === 'choice') for (const option of node.options) forEachStep(option.steps, visit);
    else visit(node);
  }
}

interface Shape {
  readonly fixed: Seconds;
  readonly stretch?: Stretchable;
  readonly events: readonly TemplateEvent[];
}

/** The lines a person can narrate in their own voice, once each, in the order they first come (every branch). */
export function templateTakeLines(template: PlanTemplate): { readonly key: string; readonly text: string }[] {
  const lines = new Map<string, string>();
  forEachStep(template.steps, (step) => {
    // A recording slot's line stands in for the person's own recording: it is not narrated again.
    if (step.recording) return;
    for (const event of step.events) if (event.kind === 'voice' && event.source.kind === 'line' && !lines.has(event.source.key)) lines.set(event.source.key, event.text);
  });
  return [...lines].map(([key, text]) => ({ key, text }));
}

/** A step as it plays with the person's recordings and takes. */
function shapeWith(step: TemplateStep, inputs: Pick<StretchInputs, 'recordings' | 'takes'>): Shape {
  return step.recording ? withRecording(step, inputs.recordings) : withTakes(step, inputs.takes);
}

/** Each line the person took plays their take for its own length; what follows in the step moves by the difference. */
function withTakes(step: TemplateStep, takes: StretchInputs['takes']): Shape {
  if (!takes) return step;
  const changes = step.events.flatMap((event) => {
    if (event.kind !== 'voice' || event.source.kind !== 'line') return [];
    const taken = takeOf(takes, event.source.key);
    return taken === undefined ? [] : [{ ends: event.offset + event.duration, by: taken - event.duration }];
  });
  if (changes.length === 0) return step;
  // An event moves by every take that ends before it starts (a cue beside a line stays beside it).
  const shiftAt = (offset: Seconds) => changes.reduce((sum, change) => sum + (change.ends <= offset + 1e-9 ? change.by : 0), 0);
  const events = step.events.map((event): TemplateEvent => {
    const moved = { ...event, offset: event.offset + shiftAt(event.offset) };
    if (moved.kind !== 'voice' || moved.source.kind !== 'line') return moved;
    const taken = takeOf(takes, moved.source.key);
    return taken === undefined ? moved : { ...moved, duration: taken, source: { kind: 'take', key: moved.source.key } };
  });
  const grown = changes.reduce((sum, change) => sum + change.by, 0);
  return { fixed: Math.max(0, step.fixed + grown), ...(step.stretch ? { stretch: step.stretch } : {}), events };
}

/** A take's length, own keys only: a line key never reads an object's built-in property. */
const takeOf = (takes: Readonly<Record<string, Seconds>>, key: string): Seconds | undefined => (Object.hasOwn(takes, key) ? takes[key] : undefined);

/** A recorded slot replaces the spoken fallback. */
function withRecording(step: TemplateStep, recordings: StretchInputs['recordings']): Shape {
  const recorded = step.recording ? recordings?.[step.recording.slot] : undefined;
  if (!step.recording || recorded === undefined) return step;
  const duration = Math.min(recorded, step.recording.maxSeconds);
  return {
    fixed: duration + gapAfterLine,
    events: [{ kind: 'voice', offset: 0, duration, text: recordingCaption, source: { kind: 'recording', slot: step.recording.slot } }],
  };
}

/** The shortest and longest the path can play for these choices and recordings, in seconds. */
export function templateRange(template: PlanTemplate, inputs: Omit<StretchInputs, 'minutes'>): { min: Seconds; max: Seconds; quantum: Seconds } {
  let min = 0;
  let max = 0;
  let quantum = 0;
  for (const step of resolveTemplatePath(template, settleChoices(template, inputs.choices ?? {}))) {
    const shape = shapeWith(step, inputs);
    min += shape.fixed + (shape.stretch?.min ?? 0);
    max += shape.fixed + (shape.stretch?.max ?? 0);
    quantum = Math.max(quantum, shape.stretch?.quantum ?? 0);
  }
  return { min, max, quantum };
}

/** The plan at a length and choices: every event with its exact start, captions and step markers. */
export function stretchTemplate(template: PlanTemplate, inputs: StretchInputs): SessionPlan {
  const choices = settleChoices(template, inputs.choices ?? {});
  const path = resolveTemplatePath(template, choices);
  const shapes = path.map((step) => shapeWith(step, inputs));
  const durations = stretchToLength(shapes, minutesToSeconds(inputs.minutes));
  const events: TimelineEvent[] = [];
  const steps: PlannedStep[] = [];
  let at = 0;
  path.forEach((step, index) => {
    const duration = durations[index] ?? 0;
    const shape = shapes[index] ?? step;
    events.push(...shape.events.map((event) => placed(event, at, duration, false)));
    if (step.repeat) {
      const { every, alternatePan } = step.repeat;
      const count = Math.round(duration / every);
      // Each repetition is placed from the step start, never accumulated, so nothing drifts.
      for (let repetition = 0; repetition < count; repetition += 1) {
        const mirrored = alternatePan === true && repetition % 2 === 1;
        for (const event of repetitionEvents(step.repeat, repetition, inputs.quietBreaths === true)) events.push(placed(event, at + repetition * every, duration - repetition * every, mirrored));
      }
    }
    if (step.label !== undefined) steps.push({ kind: step.kind, at, duration, label: step.label });
    at += duration;
  });
  const sorted = sortedByTime(events);
  const withAmbience = sortedByTime([...sorted, ...ambienceEventsOf(sorted, at, inputs.seed ?? template.scriptId)]);
  const captions: Caption[] = withAmbience.flatMap((event) => (event.kind === 'voice' ? [{ at: event.at, end: event.at + event.duration, text: event.text }] : []));
  return { scriptId: template.scriptId, title: template.title, duration: at, steps, events: withAmbience, captions, choices };
}

/** By time; events at the same time keep their order. */
function sortedByTime(events: readonly TimelineEvent[]): TimelineEvent[] {
  const ordered = events.map((event, order) => ({ event, order })).sort((a, b) => a.event.at - b.event.at || a.order - b.order);
  return ordered.map(({ event }) => event);
}

/** Where cues that thin out fall silent, for a person who asked for that. */
const quietFrom = breathCueThinning.voicedCycles + breathCueThinning.tonedCycles;

/**
 * The events of one repetition: the cycle's own, or those of the last later stage it has reached;
 * once cues that thin out have thinned to tones, and the person asked for quiet, without their cues.
 */
function repetitionEvents(repeat: TemplateRepeat, repetition: number, quiet: boolean): readonly TemplateEvent[] {
  const events = repeat.later?.findLast((stage) => stage.from <= repetition)?.events ?? repeat.events;
  return quiet && repeat.later !== undefined && repetition >= quietFrom ? events.filter((event) => event.kind !== 'cue') : events;
}

/** Whether a template has breath cues that thin out: then the person may ask them to fall silent. */
export function templateThinsBreathCues(template: PlanTemplate): boolean {
  let thins = false;
  forEachStep(template.steps, (step) => {
    if (step.repeat?.later !== undefined) thins = true;
  });
  return thins;
}

/** An event placed at `start` + its offset; a prompt's window runs `remaining` seconds from `start`; a mirrored cue swaps sides. */
function placed(event: TemplateEvent, start: Seconds, remaining: Seconds, mirrored: boolean): TimelineEvent {
  const at = start + event.offset;
  // Built key by key in the timeline's own order (kind, at, …), so plans serialise alike.
  switch (event.kind) {
    case 'prompt': {
      const { kind, offset, ...fields } = event;
      return { kind, at, duration: start + remaining - at, ...fields };
    }
    case 'cue': {
      const { kind, offset, ...fields } = event;
      return { kind, at, ...fields, ...(mirrored ? { pan: -fields.pan } : {}) };
    }
    default: {
      const { kind, offset, ...fields } = event;
      // The rest of a narrowed union is not narrowed by TypeScript: voice, ambience and breath each keep their own fields.
      return { kind, at, ...fields } as TimelineEvent;
    }
  }
}

function stretchToLength(shapes: readonly Shape[], target: Seconds): Seconds[] {
  const stretchable = shapes.flatMap((shape, index) => (shape.stretch ? [{ index, item: shape.stretch }] : []));
  const fixedTotal = shapes.reduce((sum, shape) => sum + shape.fixed, 0);
  const minTotal = stretchable.reduce((sum, { item }) => sum + item.min, 0);
  const filled = fillElastic(
    stretchable.map(({ item }) => item),
    target - fixedTotal - minTotal,
  );
  const durations = shapes.map((shape) => shape.fixed);
  stretchable.forEach(({ index }, order) => {
    durations[index] = (durations[index] ?? 0) + (filled[order] ?? 0);
  });
  return durations;
}
