import { assertPlayablePattern } from './breath-pattern-error';
import { cycleSeconds } from './breath-patterns';
import { fillElastic, type Stretchable } from './elastic-fill';
import { resolvePath, settleChoices, type PathStep } from './resolve-path';
import type { BreathCue, RecordingSlot, Script, Span } from './script-model';
import type { BreathPhase, Caption, CueSound, PlannedStep, SessionPlan, TimelineEvent } from './timeline';
import { minutesToSeconds, type Minutes, type Seconds } from './units';

export interface PlanInputs {
  readonly minutes: Minutes;
  /** Choice name → option id; missing or unknown answers take the script's default. */
  readonly choices?: Readonly<Record<string, string>>;
  /** How long a line takes to speak: rendered durations in the app, estimates while authoring. */
  readonly speechSeconds: (text: string) => Seconds;
  /** The pack's key for a line (see `lineKey`). */
  readonly keyOf: (text: string) => string;
  /** Lengths of the person's own recordings, by slot. */
  readonly recordings?: Readonly<Partial<Record<RecordingSlot, Seconds>>>;
}

/** A short breath of silence after every spoken line, so lines never run into each other. */
export const gapAfterLine: Seconds = 0.8;
export const bellSpacing: Seconds = 4;
const recordingCaption = 'Your own recording';

interface Shape {
  readonly fixed: Seconds;
  readonly stretch?: Stretchable;
}

/** Plans a script at a length: every event with its exact start, captions and step markers. */
export function planSession(script: Script, inputs: PlanInputs): SessionPlan {
  const choices = settleChoices(script, inputs.choices ?? {});
  const path = resolvePath(script, choices);
  const shapes = path.map((step) => shapeOf(step, inputs));
  const durations = stretchToLength(shapes, minutesToSeconds(inputs.minutes));
  const events: TimelineEvent[] = [];
  const steps: PlannedStep[] = [];
  let at = 0;
  path.forEach((step, index) => {
    const duration = durations[index] ?? 0;
    events.push(...eventsOf(step, at, duration, inputs));
    if (step.kind !== 'ambience') steps.push({ kind: step.kind, at, duration, label: labelOf(step) });
    at += duration;
  });
  const ordered = events.map((event, order) => ({ event, order })).sort((a, b) => a.event.at - b.event.at || a.order - b.order);
  const sorted = ordered.map(({ event }) => event);
  const captions: Caption[] = sorted.flatMap((event) =>
    event.kind === 'voice' ? [{ at: event.at, end: event.at + event.duration, text: event.text }] : [],
  );
  return { scriptId: script.id, title: script.title, duration: at, steps, events: sorted, captions, choices };
}

/** The shortest and longest the path can play, in seconds. */
export function pathRange(script: Script, inputs: Omit<PlanInputs, 'minutes'>): { min: Seconds; max: Seconds; quantum: Seconds } {
  const path = resolvePath(script, settleChoices(script, inputs.choices ?? {}));
  let min = 0;
  let max = 0;
  let quantum = 0;
  for (const step of path) {
    const shape = shapeOf(step, { ...inputs, minutes: 0 });
    min += shape.fixed + (shape.stretch?.min ?? 0);
    max += shape.fixed + (shape.stretch?.max ?? 0);
    quantum = Math.max(quantum, shape.stretch?.quantum ?? 0);
  }
  return { min, max, quantum };
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

function spanShape(span: Span, quantum: Seconds): Shape {
  if (span.kind === 'fixed') {
    return { fixed: quantum > 0 ? Math.max(1, Math.round(span.seconds / quantum)) * quantum : span.seconds };
  }
  if (quantum <= 0) return { fixed: 0, stretch: { min: span.min, max: span.max, weight: span.weight, quantum: 0 } };
  const min = Math.max(1, Math.ceil(span.min / quantum - 1e-9)) * quantum;
  const max = Math.max(min, Math.floor(span.max / quantum + 1e-9) * quantum);
  return { fixed: 0, stretch: { min, max, weight: span.weight, quantum } };
}

function spoken(text: string, inputs: Pick<PlanInputs, 'speechSeconds'>): Seconds {
  return inputs.speechSeconds(text) + gapAfterLine;
}

function shapeOf(step: PathStep, inputs: PlanInputs): Shape {
  switch (step.kind) {
    case 'say':
      return { fixed: spoken(step.text, inputs) };
    case 'pause':
      return spanShape(step.span, 0);
    case 'breathe': {
      // Whatever made the pattern (a script, a form, a backup), a phase this short would never end the plan.
      assertPlayablePattern(step.pattern);
      const cycle = cycleSeconds(step.pattern);
      return step.length.kind === 'cycles' ? { fixed: step.length.cycles * cycle } : spanShape(step.length.span, cycle);
    }
    case 'bell':
      return { fixed: step.count * bellSpacing };
    case 'taps':
      return step.length.kind === 'count' ? { fixed: step.length.count * step.interval } : spanShape(step.length.span, step.interval);
    case 'ambience':
      return { fixed: 0 };
    case 'prompt': {
      const window = step.window.kind === 'wait' ? { fixed: step.window.nominal } : spanShape(step.window.span, 0);
      return { ...window, fixed: window.fixed + spoken(step.text, inputs) };
    }
    case 'recording': {
      const recorded = inputs.recordings?.[step.slot];
      return { fixed: recorded === undefined ? spoken(step.fallback, inputs) : Math.min(recorded, step.maxSeconds) + gapAfterLine };
    }
  }
}

const phaseCues: Record<Exclude<BreathCue, 'none'>, Record<BreathPhase, CueSound>> = {
  voice: { inhale: 'word-inhale', hold: 'word-hold', exhale: 'word-exhale', rest: 'word-hold' },
  tone: { inhale: 'tone-inhale', hold: 'tone-hold', exhale: 'tone-exhale', rest: 'tone-hold' },
};

function eventsOf(step: PathStep, at: Seconds, duration: Seconds, inputs: PlanInputs): TimelineEvent[] {
  const line = (text: string, start: Seconds): TimelineEvent => ({
    kind: 'voice',
    at: start,
    duration: inputs.speechSeconds(text),
    text,
    source: { kind: 'line', key: inputs.keyOf(text) },
  });
  switch (step.kind) {
    case 'say':
      return [line(step.text, at)];
    case 'pause':
      return [];
    case 'breathe': {
      const events: TimelineEvent[] = [];
      const phases: [BreathPhase, Seconds][] = [
        ['inhale', step.pattern.inhale],
        ['hold', step.pattern.hold],
        ['exhale', step.pattern.exhale],
        ['rest', step.pattern.rest],
      ];
      const cycle = cycleSeconds(step.pattern);
      const cycles = Math.round(duration / cycle);
      // Each phase time is computed from the step start, never accumulated, so nothing drifts.
      for (let index = 0; index < cycles; index += 1) {
        let offset = 0;
        for (const [phase, seconds] of phases) {
          if (seconds <= 0) continue;
          const phaseStart = at + index * cycle + offset;
          events.push({ kind: 'breath', at: phaseStart, duration: seconds, phase });
          if (step.cue !== 'none') events.push({ kind: 'cue', at: phaseStart, sound: phaseCues[step.cue][phase], pan: 0 });
          offset += seconds;
        }
      }
      return events;
    }
    case 'bell':
      return Array.from({ length: step.count }, (_, strike) => ({ kind: 'cue', at: at + strike * bellSpacing, sound: 'bell', pan: 0 }));
    case 'taps': {
      const count = Math.round(duration / step.interval);
      return Array.from({ length: count }, (_, tap) => ({ kind: 'cue', at: at + tap * step.interval, sound: 'tap', pan: tap % 2 === 0 ? -1 : 1 }));
    }
    case 'ambience':
      return [{ kind: 'ambience', at, ambience: step.ambience, volume: step.volume, fade: step.fade }];
    case 'prompt': {
      const windowStart = at + spoken(step.text, inputs);
      return [
        line(step.text, at),
        { kind: 'prompt', at: windowStart, duration: at + duration - windowStart, text: step.text, waits: step.window.kind === 'wait', writing: step.writing },
      ];
    }
    case 'recording': {
      const recorded = inputs.recordings?.[step.slot];
      if (recorded === undefined) return [line(step.fallback, at)];
      return [{ kind: 'voice', at, duration: Math.min(recorded, step.maxSeconds), text: recordingCaption, source: { kind: 'recording', slot: step.slot } }];
    }
  }
}

function labelOf(step: Exclude<PathStep, { kind: 'ambience' }>): string {
  const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);
  switch (step.kind) {
    case 'say':
    case 'prompt':
      return clip(step.text);
    case 'pause':
      return 'Quiet';
    case 'breathe':
      return `Breathing (${step.patternName})`;
    case 'bell':
      return 'Bell';
    case 'taps':
      return 'Butterfly taps';
    case 'recording':
      return recordingCaption;
  }
}
