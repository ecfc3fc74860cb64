import { assertPlayablePattern } from './breath-pattern-error';
import { cycleSeconds } from './breath-patterns';
import type { Stretchable } from './elastic-fill';
import {
  breathCueThinning,
  gapAfterLine,
  recordingCaption,
  stretchTemplate,
  templateRange,
  type PlanTemplate,
  type StretchInputs,
  type TemplateEvent,
  type TemplateNode,
  type TemplateOption,
  type TemplateStep,
} from './plan-template';
import type { BreathCue, BreathPattern, ChoiceStep, Script, Span, Step } from './script-model';
import type { BreathPhase, CueSound, SessionPlan } from './timeline';
import type { Seconds } from './units';

export { gapAfterLine };

export interface TemplateInputs {
  /** How long a line takes to speak: rendered durations in the compiler, estimates while authoring. */
  readonly speechSeconds: (text: string) => Seconds;
  /** The pack's key for a line (see `lineKey`). */
  readonly keyOf: (text: string) => string;
}

export type PlanInputs = TemplateInputs & StretchInputs;

export const bellSpacing: Seconds = 4;

/** How a branch's own ambience fades in when the branch begins. */
const branchAmbience = { volume: 0.5, fade: 4 } as const;

/**
 * A script's plan template: each step's real duration and events, on every branch. The one place
 * where a script becomes timing; everything else stretches the template.
 */
export function templateOf(script: Script, inputs: TemplateInputs): PlanTemplate {
  return {
    scriptId: script.id,
    title: script.title,
    length: { default: script.length.default, min: script.length.min, max: script.length.max },
    steps: script.steps.map((step) => nodeOf(step, inputs)),
  };
}

/** Plans a script at a length: the template stretched, exactly as the app stretches a pack's. */
export function planSession(script: Script, inputs: PlanInputs): SessionPlan {
  return stretchTemplate(templateOf(script, inputs), inputs);
}

/** The shortest and longest the path can play, in seconds. */
export function pathRange(script: Script, inputs: Omit<PlanInputs, 'minutes'>): { min: Seconds; max: Seconds; quantum: Seconds } {
  return templateRange(templateOf(script, inputs), inputs);
}

function nodeOf(step: Step, inputs: TemplateInputs): TemplateNode {
  const when = step.when ? { when: { choice: step.when.choice, option: step.when.option } } : {};
  if (step.kind === 'choice') return { kind: 'choice', name: step.name, question: step.question, defaultOption: step.defaultOption, options: optionsOf(step, inputs), ...when };
  return { ...stepOf(step, inputs), ...when };
}

function optionsOf(step: ChoiceStep, inputs: TemplateInputs): TemplateOption[] {
  return step.options.map((option) => ({
    id: option.id,
    label: option.label,
    steps: [
      ...(option.ambience ? [{ kind: 'ambience' as const, fixed: 0, events: [{ kind: 'ambience' as const, offset: 0, ambience: option.ambience, ...branchAmbience }] }] : []),
      ...option.steps.map((inner) => nodeOf(inner, inputs)),
    ],
  }));
}

/** A span's stretch: fixed seconds, or elastic bounds (in whole `quantum`s where the step repeats). */
function spanShape(span: Span, quantum: Seconds): { fixed: Seconds; stretch?: Stretchable } {
  if (span.kind === 'fixed') {
    return { fixed: quantum > 0 ? Math.max(1, Math.round(span.seconds / quantum)) * quantum : span.seconds };
  }
  if (quantum <= 0) return { fixed: 0, stretch: { min: span.min, max: span.max, weight: span.weight, quantum: 0 } };
  const min = Math.max(1, Math.ceil(span.min / quantum - 1e-9)) * quantum;
  const max = Math.max(min, Math.floor(span.max / quantum + 1e-9) * quantum);
  return { fixed: 0, stretch: { min, max, weight: span.weight, quantum } };
}

type SteadyCue = 'voice' | 'tone' | 'none';

/** The cue a breathing step begins with. */
function firstCue(cue: BreathCue): SteadyCue {
  return cue === 'voice-then-tone' || cue === 'voice-then-quiet' ? 'voice' : cue;
}

/** Where a thinning cue changes, in breaths from the step's start. */
function thinningStages(cue: BreathCue): { from: number; cue: SteadyCue }[] {
  const { voicedCycles, tonedCycles } = breathCueThinning;
  if (cue === 'voice-then-tone') return [{ from: voicedCycles, cue: 'tone' }];
  if (cue === 'voice-then-quiet') return [{ from: voicedCycles, cue: 'tone' }, { from: voicedCycles + tonedCycles, cue: 'none' }];
  return [];
}

/** One breath: each phase for the visual, and its cue sound unless the cue is silence. */
function breathCycle(pattern: BreathPattern, cue: SteadyCue): TemplateEvent[] {
  const events: TemplateEvent[] = [];
  let offset = 0;
  for (const [phase, seconds] of [
    ['inhale', pattern.inhale],
    ['hold', pattern.hold],
    ['exhale', pattern.exhale],
    ['rest', pattern.rest],
  ] as const) {
    if (seconds <= 0) continue;
    events.push({ kind: 'breath', offset, duration: seconds, phase });
    if (cue !== 'none') events.push({ kind: 'cue', offset, sound: phaseCues[cue][phase], pan: 0 });
    offset += seconds;
  }
  return events;
}

const phaseCues: Record<Exclude<SteadyCue, 'none'>, Record<BreathPhase, CueSound>> = {
  voice: { inhale: 'word-inhale', hold: 'word-hold', exhale: 'word-exhale', rest: 'word-hold' },
  tone: { inhale: 'tone-inhale', hold: 'tone-hold', exhale: 'tone-exhale', rest: 'tone-hold' },
};

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}

function stepOf(step: Exclude<Step, ChoiceStep>, inputs: TemplateInputs): TemplateStep {
  const spoken = (text: string): Seconds => inputs.speechSeconds(text) + gapAfterLine;
  const line = (text: string): TemplateEvent => ({ kind: 'voice', offset: 0, duration: inputs.speechSeconds(text), text, source: { kind: 'line', key: inputs.keyOf(text) } });
  switch (step.kind) {
    case 'say':
      return { kind: 'say', label: clip(step.text), fixed: spoken(step.text), events: [line(step.text)] };
    case 'pause':
      return { kind: 'pause', label: 'Quiet', ...spanShape(step.span, 0), events: [] };
    case 'breathe': {
      // Whatever made the pattern (a script, a form, a backup), a phase this short would never end the plan.
      assertPlayablePattern(step.pattern);
      const cycle = cycleSeconds(step.pattern);
      const length = step.length.kind === 'cycles' ? { fixed: step.length.cycles * cycle } : spanShape(step.length.span, cycle);
      const cycleOf = (cue: SteadyCue): TemplateEvent[] => breathCycle(step.pattern, cue);
      const later = thinningStages(step.cue).map((stage) => ({ from: stage.from, events: cycleOf(stage.cue) }));
      const repeat = { every: cycle, events: cycleOf(firstCue(step.cue)), ...(later.length > 0 ? { later } : {}) };
      return { kind: 'breathe', label: `Breathing (${step.patternName})`, ...length, events: [], repeat };
    }
    case 'bell':
      return {
        kind: 'bell',
        label: 'Bell',
        fixed: step.count * bellSpacing,
        events: Array.from({ length: step.count }, (_, strike) => ({ kind: 'cue', offset: strike * bellSpacing, sound: 'bell', pan: 0 })),
      };
    case 'taps': {
      const length = step.length.kind === 'count' ? { fixed: step.length.count * step.interval } : spanShape(step.length.span, step.interval);
      return { kind: 'taps', label: 'Butterfly taps', ...length, events: [], repeat: { every: step.interval, events: [{ kind: 'cue', offset: 0, sound: 'tap', pan: -1 }], alternatePan: true } };
    }
    case 'ambience':
      return { kind: 'ambience', fixed: 0, events: [{ kind: 'ambience', offset: 0, ambience: step.ambience, volume: step.volume, fade: step.fade }] };
    case 'prompt': {
      const window = step.window.kind === 'wait' ? { fixed: step.window.nominal } : spanShape(step.window.span, 0);
      const prompt: TemplateEvent = {
        kind: 'prompt',
        offset: spoken(step.text),
        text: step.text,
        waits: step.window.kind === 'wait',
        writing: step.writing,
        ...(step.waitsForWriting === false ? { waitsForWriting: false as const } : {}),
      };
      return { kind: 'prompt', label: clip(step.text), ...window, fixed: window.fixed + spoken(step.text), events: [line(step.text), prompt] };
    }
    case 'recording':
      return { kind: 'recording', label: recordingCaption, fixed: spoken(step.fallback), events: [line(step.fallback)], recording: { slot: step.slot, maxSeconds: step.maxSeconds } };
  }
}
