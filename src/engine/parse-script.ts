import { isMap, isScalar, LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { breathPhaseLimits, breathPresets, phaseAllowed } from './breath-patterns';
import {
  ambienceKinds,
  breathCueKinds,
  practiceKinds,
  recordingSlots,
  stepKinds,
  type AmbienceStep,
  type BreathPattern,
  type BreatheStep,
  type ChoiceOption,
  type ChoiceStep,
  type Condition,
  type LengthRange,
  type PromptStep,
  type PromptWriting,
  type Script,
  type SourceLocation,
  type Span,
  type Step,
  type StepKind,
  type TapsStep,
} from './script-model';
import { checkerFault, type ScriptProblem } from './script-problem';
import { takePathFault } from './take-path';
import type { BreathPhase } from './timeline';
import type { Seconds } from './units';
import { readYamlDocument } from './yaml-document';
import { YamlReader } from './yaml-reader';

export interface ParsedScript {
  /** Present whenever the file is a mapping; complete only when `problems` is empty. */
  readonly script?: Script;
  readonly problems: readonly ScriptProblem[];
}

export const scriptLimits = {
  sourceBytes: 256 * 1024,
  steps: 2000,
  choiceDepth: 4,
  longestSeconds: 3 * 3600,
} as const;

const topKeys = ['lull', 'id', 'title', 'description', 'practice', 'length', 'content-note', 'steps'];
const stepKeys: Record<StepKind, readonly string[]> = {
  say: ['say', 'take', 'when'],
  pause: ['pause', 'when'],
  breathe: ['breathe', 'cycles', 'minutes', 'cue', 'when'],
  bell: ['bell', 'when'],
  taps: ['taps', 'count', 'minutes', 'when'],
  ambience: ['ambience', 'volume', 'fade', 'when'],
  prompt: ['prompt', 'wait', 'seconds', 'journal', 'wait-for-writing', 'when'],
  choice: ['choice', 'name', 'options', 'default', 'when'],
  recording: ['recording', 'fallback', 'max', 'when'],
};
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const waitNominalSeconds = 30;

/**
 * Reads a script's YAML into the model, collecting every structural problem with its location.
 * It never throws: a fault of its own becomes one plain problem.
 */
export function parseScript(file: string, source: string): ParsedScript {
  try {
    return readScript(file, source);
  } catch {
    return { problems: [checkerFault(file)] };
  }
}

function readScript(file: string, source: string): ParsedScript {
  const reader = new YamlReader(file, new LineCounter());
  if (source.length > scriptLimits.sourceBytes) {
    reader.report('wrong-type', { line: 1, column: 1 }, 'a script', `at most ${scriptLimits.sourceBytes / 1024} KB`);
    return { problems: reader.problems };
  }
  const document = readYamlDocument(source, reader);
  if (!document) return { problems: reader.problems };
  const top = reader.map(document.contents, 'a script', { line: 1, column: 1 });
  if (!top) return { problems: reader.problems };
  const script = new ScriptParser(reader).script(file, top);
  return { script, problems: reader.problems };
}

class ScriptParser {
  private stepCount = 0;

  constructor(private readonly reader: YamlReader) {}

  script(file: string, top: YAMLMap): Script {
    const r = this.reader;
    const keys = r.pairs(top, 'a script', topKeys);
    const start = r.locate(top);
    const need = (key: string): Node | null | undefined => {
      const pair = keys.get(key);
      if (!pair) r.report('missing-key', start, key, 'a script');
      return pair?.value;
    };
    const version = need('lull');
    if (version !== undefined && r.number(version, '"lull" (the format version)', start) !== 1) {
      if (isScalar(version) && typeof version.value === 'number') {
        r.report('unknown-value', r.locate(version), 'format version', String(version.value), '1');
      }
    }
    const idNode = need('id');
    let id = idNode === undefined ? undefined : r.text(idNode, 'id', start);
    if (id !== undefined && !idPattern.test(id)) {
      r.report('wrong-type', r.locate(idNode), 'id', 'lower-case words joined by hyphens, like "safe-space"');
      id = undefined;
    }
    const stepsNode = need('steps');
    const steps = stepsNode === undefined ? [] : this.steps(stepsNode, 'steps', start, 0);
    const practiceNode = need('practice');
    const practice = practiceNode === undefined ? undefined : r.oneOf(practiceNode, 'practice', practiceKinds, start);
    return {
      file,
      id: id ?? '',
      title: this.optionalText(need('title'), 'title', start) ?? '',
      description: this.optionalText(need('description'), 'description', start) ?? '',
      practice: practice ?? 'breathing',
      length: this.length(need('length'), start),
      contentNote: this.optionalText(keys.get('content-note')?.value, 'content-note', start),
      steps,
    };
  }

  private optionalText(node: Node | null | undefined, what: string, at: SourceLocation): string | undefined {
    return node === undefined ? undefined : this.reader.text(node, what, at);
  }

  private length(node: Node | null | undefined, at: SourceLocation): LengthRange {
    const fallback = { default: 0, min: 0, max: 0, at };
    if (node === undefined) return fallback;
    const r = this.reader;
    const map = r.map(node, 'length (in minutes)', at);
    if (!map) return fallback;
    const here = r.locate(map);
    const keys = r.pairs(map, 'length', ['default', 'min', 'max']);
    const minutes = (key: string): number => {
      const pair = keys.get(key);
      if (!pair) {
        r.report('missing-key', here, key, 'length');
        return 0;
      }
      const value = r.number(pair.value, `length ${key}`, here) ?? 0;
      if (value <= 0 || value > scriptLimits.longestSeconds / 60) {
        r.report('bad-length', r.locate(pair.value), `${key} must be more than 0 and at most ${scriptLimits.longestSeconds / 60} minutes`);
      }
      return value;
    };
    return { default: minutes('default'), min: minutes('min'), max: minutes('max'), at: here };
  }

  private steps(node: Node | null | undefined, what: string, at: SourceLocation, depth: number): Step[] {
    const r = this.reader;
    const list = r.seq(node, what, at);
    if (!list) return [];
    const steps: Step[] = [];
    for (const item of list.items as (Node | null)[]) {
      this.stepCount += 1;
      if (this.stepCount > scriptLimits.steps) {
        r.report('too-many-steps', r.locate(item), scriptLimits.steps);
        break;
      }
      const step = this.step(item, r.locate(list), depth);
      if (step) steps.push(step);
    }
    return steps;
  }

  private step(node: Node | null, listAt: SourceLocation, depth: number): Step | undefined {
    const r = this.reader;
    if (isScalar(node) && typeof node.value === 'string' && !isMap(node)) {
      r.report('wrong-type', r.locate(node), `the step "${node.value}"`, `a key and a value, like "${node.value}: …"`);
      return undefined;
    }
    const map = r.map(node, 'a step', listAt);
    const first = map?.items[0] as Pair<Node, Node | null> | undefined;
    if (!map || !first) {
      if (map) r.report('wrong-type', r.locate(map), 'a step', 'a key and a value, like "say: …"');
      return undefined;
    }
    const kindName = isScalar(first.key) ? String(first.key.value) : '';
    const at = r.locate(first.key);
    if (!(stepKinds as readonly string[]).includes(kindName)) {
      r.report('unknown-step', at, kindName, stepKinds.join(', '));
      return undefined;
    }
    const kind = kindName as StepKind;
    const keys = r.pairs(map, `a ${kind} step`, stepKeys[kind]);
    const value = first.value;
    const whenPair = keys.get('when');
    const when = whenPair ? this.condition(whenPair.value, at) : undefined;
    const base = when ? { at, when } : { at };
    switch (kind) {
      case 'say': {
        const text = r.text(value, 'the line to say', at);
        const take = keys.has('take') ? this.take(keys.get('take')?.value, at) : undefined;
        return text === undefined ? undefined : { ...base, kind, text, ...(take ? { take } : {}) };
      }
      case 'pause': {
        const span = this.span(value, 'pause', 'seconds', at);
        return span && { ...base, kind, span };
      }
      case 'breathe':
        return this.breathe(value, keys, base);
      case 'bell': {
        const count = r.number(value, 'bell (how many times)', at);
        if (count === undefined) return undefined;
        if (!Number.isInteger(count) || count < 1 || count > 5) {
          r.report('wrong-type', r.locate(value), 'bell', 'a whole number from 1 to 5');
          return undefined;
        }
        return { ...base, kind, count };
      }
      case 'taps':
        return this.taps(value, keys, base);
      case 'ambience':
        return this.ambience(value, keys, base);
      case 'prompt':
        return this.prompt(value, keys, base);
      case 'choice':
        return this.choice(value, keys, base, depth);
      case 'recording': {
        const slot = r.oneOf(value, 'recording slot', recordingSlots, at);
        const fallbackPair = keys.get('fallback');
        if (!fallbackPair) r.report('missing-key', at, 'fallback', 'a recording step');
        const fallback = fallbackPair ? r.text(fallbackPair.value, 'fallback', at) : undefined;
        const maxPair = keys.get('max');
        const maxSeconds = maxPair ? this.seconds(maxPair.value, 'max', at, 1) : 300;
        if (!slot || !fallback || maxSeconds === undefined) return undefined;
        return { ...base, kind, slot, fallback, maxSeconds };
      }
    }
  }

  /** A recorded take's path, kept only when it stays inside the scripts folder. */
  private take(node: Node | null | undefined, at: SourceLocation): string | undefined {
    const r = this.reader;
    const path = r.text(node, 'take', at);
    const fault = path === undefined ? undefined : takePathFault(path);
    if (path === undefined || fault === undefined) return path;
    r.report('bad-take-path', r.locate(node), path, fault);
    return undefined;
  }

  private condition(node: Node | null | undefined, at: SourceLocation): Condition | undefined {
    const r = this.reader;
    const map = r.map(node, 'when', at);
    const pair = map?.items[0] as Pair<Node, Node | null> | undefined;
    if (!map || !pair || map.items.length !== 1 || !isScalar(pair.key)) {
      if (map) r.report('wrong-type', r.locate(map), 'when', 'one choice and its option, like "{place: beach}"');
      return undefined;
    }
    const option = r.text(pair.value, 'the option in when', at);
    return option === undefined ? undefined : { choice: String(pair.key.value), option, at: r.locate(map) };
  }

  private seconds(node: Node | null | undefined, what: string, at: SourceLocation, least: Seconds): Seconds | undefined {
    const r = this.reader;
    const value = r.number(node, what, at);
    if (value === undefined) return undefined;
    if (value < least || value > scriptLimits.longestSeconds) {
      r.report('bad-duration', r.locate(node), what, `must be from ${least} to ${scriptLimits.longestSeconds} seconds, not ${value}`);
      return undefined;
    }
    return value;
  }

  /** A fixed number, or `{min, max, weight}`; in `minutes` the numbers are minutes. */
  private span(node: Node | null | undefined, what: string, unit: 'seconds' | 'minutes', at: SourceLocation): Span | undefined {
    const r = this.reader;
    const scale = unit === 'minutes' ? 60 : 1;
    const limit = scriptLimits.longestSeconds / scale;
    const inRange = (value: number, valueNode: Node | null | undefined, label: string, least: number): boolean => {
      if (value >= least && value <= limit) return true;
      r.report('bad-duration', r.locate(valueNode), label, `must be from ${least} to ${limit} ${unit}, not ${value}`);
      return false;
    };
    if (!isMap(node)) {
      const value = r.number(node, `${what} (${unit})`, at);
      if (value === undefined || !inRange(value, node, what, unit === 'minutes' ? 0.05 : 0.05)) return undefined;
      return { kind: 'fixed', seconds: value * scale };
    }
    const here = r.locate(node);
    const keys = r.pairs(node, what, ['min', 'max', 'weight']);
    const read = (key: string, fallback?: number): number | undefined => {
      const pair = keys.get(key);
      if (!pair) {
        if (fallback === undefined) r.report('missing-key', here, key, what);
        return fallback;
      }
      const value = r.number(pair.value, `${what} ${key}`, here);
      if (value === undefined) return undefined;
      return inRange(value, pair.value, `${what} ${key}`, key === 'min' ? 0 : 0.001) ? value : undefined;
    };
    const min = read('min');
    const max = read('max');
    const weight = read('weight', 1);
    if (min === undefined || max === undefined || weight === undefined) return undefined;
    if (max < min) {
      r.report('bad-duration', here, what, `has max ${max} below min ${min}`);
      return undefined;
    }
    return { kind: 'elastic', min: min * scale, max: max * scale, weight };
  }

  private breathe(value: Node | null, keys: Map<string, Pair<Node, Node | null>>, base: { at: SourceLocation; when?: Condition }): BreatheStep | undefined {
    const r = this.reader;
    const { at } = base;
    let patternName = 'custom';
    let pattern: BreathPattern | undefined;
    if (isMap(value)) {
      const phases = r.pairs(value, 'a breathing pattern', ['inhale', 'hold', 'exhale', 'rest']);
      const phase = (key: BreathPhase): number | undefined => {
        const { min, max } = breathPhaseLimits[key];
        const pair = phases.get(key);
        if (!pair) return min > 0 ? (r.report('missing-key', r.locate(value), key, 'a breathing pattern'), undefined) : 0;
        const seconds = r.number(pair.value, key, at);
        if (seconds === undefined) return undefined;
        if (!phaseAllowed(key, seconds)) {
          r.report('bad-duration', r.locate(pair.value), key, `must be from ${min} to ${max} seconds, not ${seconds}`);
          return undefined;
        }
        return seconds;
      };
      const [inhale, hold, exhale, rest] = [phase('inhale'), phase('hold'), phase('exhale'), phase('rest')];
      if (inhale !== undefined && hold !== undefined && exhale !== undefined && rest !== undefined) {
        pattern = { inhale, hold, exhale, rest };
      }
    } else {
      const name = r.oneOf(value, 'breathing pattern', Object.keys(breathPresets), at);
      if (name) {
        patternName = name;
        pattern = breathPresets[name];
      }
    }
    const cue = keys.has('cue') ? r.oneOf(keys.get('cue')?.value, 'cue', breathCueKinds, at) : 'voice';
    const length = this.repeatLength(keys, 'cycles', at, 'breathe');
    if (!pattern || !cue || !length) return undefined;
    return {
      ...base,
      kind: 'breathe',
      patternName,
      pattern,
      cue,
      length: length.kind === 'count' ? { kind: 'cycles', cycles: length.count } : length,
    };
  }

  /** `count`/`cycles: N` or `minutes: span`, exactly one of them. */
  private repeatLength(
    keys: Map<string, Pair<Node, Node | null>>,
    countKey: 'cycles' | 'count',
    at: SourceLocation,
    stepName: string,
  ): { kind: 'count'; count: number } | { kind: 'span'; span: Span } | undefined {
    const r = this.reader;
    const countPair = keys.get(countKey);
    const minutesPair = keys.get('minutes');
    if (countPair && minutesPair) {
      r.report('wrong-type', r.locate(minutesPair.key), `a ${stepName} step`, `given "${countKey}" or "minutes", not both`);
      return undefined;
    }
    if (minutesPair) {
      const span = this.span(minutesPair.value, 'minutes', 'minutes', at);
      return span && { kind: 'span', span };
    }
    if (!countPair) {
      r.report('missing-key', at, `${countKey}" or "minutes`, `a ${stepName} step`);
      return undefined;
    }
    const count = r.number(countPair.value, countKey, at);
    if (count === undefined) return undefined;
    if (!Number.isInteger(count) || count < 1 || count > 10000) {
      r.report('wrong-type', r.locate(countPair.value), countKey, 'a whole number from 1 to 10000');
      return undefined;
    }
    return { kind: 'count', count };
  }

  private taps(value: Node | null, keys: Map<string, Pair<Node, Node | null>>, base: { at: SourceLocation; when?: Condition }): TapsStep | undefined {
    const r = this.reader;
    const interval = r.number(value, 'taps (seconds between taps)', base.at);
    if (interval === undefined) return undefined;
    if (interval < 0.25 || interval > 5) {
      r.report('bad-duration', r.locate(value), 'taps', `must be from 0.25 to 5 seconds between taps, not ${interval}`);
      return undefined;
    }
    const length = this.repeatLength(keys, 'count', base.at, 'taps');
    return length && { ...base, kind: 'taps', interval, length };
  }

  private ambience(value: Node | null, keys: Map<string, Pair<Node, Node | null>>, base: { at: SourceLocation; when?: Condition }): AmbienceStep | undefined {
    const r = this.reader;
    const name = r.oneOf(value, 'ambience', [...ambienceKinds, 'stop'], base.at);
    const volumePair = keys.get('volume');
    const volume = volumePair ? r.number(volumePair.value, 'volume', base.at) : 0.5;
    if (volume !== undefined && (volume < 0 || volume > 1)) {
      r.report('wrong-type', r.locate(volumePair?.value), 'volume', 'a number from 0 to 1');
      return undefined;
    }
    const fadePair = keys.get('fade');
    const fade = fadePair ? this.seconds(fadePair.value, 'fade', base.at, 0) : 3;
    if (name === undefined || volume === undefined || fade === undefined) return undefined;
    return { ...base, kind: 'ambience', ambience: name === 'stop' ? null : name, volume, fade };
  }

  private prompt(value: Node | null, keys: Map<string, Pair<Node, Node | null>>, base: { at: SourceLocation; when?: Condition }): PromptStep | undefined {
    const r = this.reader;
    const text = r.text(value, 'the prompt', base.at);
    const waitPair = keys.get('wait');
    const secondsPair = keys.get('seconds');
    const wait = waitPair ? r.boolean(waitPair.value, 'wait', base.at) : false;
    if (wait && secondsPair) {
      r.report('wrong-type', r.locate(secondsPair.key), 'a prompt', 'given "wait: true" or "seconds", not both');
      return undefined;
    }
    if (!wait && !secondsPair) {
      r.report('missing-key', base.at, 'wait: true" or "seconds', 'a prompt step');
      return undefined;
    }
    const window: PromptStep['window'] | undefined = wait
      ? { kind: 'wait', nominal: waitNominalSeconds }
      : (() => {
          const span = this.span(secondsPair?.value, 'seconds', 'seconds', base.at);
          return span && { kind: 'timed' as const, span };
        })();
    const journalPair = keys.get('journal');
    const writing = journalPair ? this.promptWriting(journalPair.value) : null;
    const holdPair = keys.get('wait-for-writing');
    const waitsForWriting = holdPair ? r.boolean(holdPair.value, 'wait-for-writing', base.at) : true;
    if (text === undefined || window === undefined || writing === undefined || waitsForWriting === undefined) return undefined;
    return { ...base, kind: 'prompt', text, window, writing, ...(waitsForWriting ? {} : { waitsForWriting: false as const }) };
  }

  /** `journal: true` gives the answer its own entry; `journal: letter` adds it to the session's one letter. */
  private promptWriting(node: Node | null): PromptWriting | undefined {
    const value = isScalar(node) ? node.value : undefined;
    if (value === true) return 'journal';
    if (value === false) return null;
    if (value === 'letter') return 'letter';
    this.reader.report('wrong-type', this.reader.locate(node), 'journal', 'true, false or letter');
    return undefined;
  }

  private choice(value: Node | null, keys: Map<string, Pair<Node, Node | null>>, base: { at: SourceLocation; when?: Condition }, depth: number): ChoiceStep | undefined {
    const r = this.reader;
    const { at } = base;
    if (depth >= scriptLimits.choiceDepth) {
      r.report('wrong-type', at, 'a choice', `nested at most ${scriptLimits.choiceDepth} deep`);
      return undefined;
    }
    const question = r.text(value, 'the choice question', at);
    const namePair = keys.get('name');
    if (!namePair) r.report('missing-key', at, 'name', 'a choice step');
    let name = namePair ? r.text(namePair.value, 'name', at) : undefined;
    if (name !== undefined && !idPattern.test(name)) {
      r.report('wrong-type', r.locate(namePair?.value), 'name', 'lower-case words joined by hyphens');
      name = undefined;
    }
    const optionsPair = keys.get('options');
    if (!optionsPair) r.report('missing-key', at, 'options', 'a choice step');
    const optionsMap = optionsPair ? r.map(optionsPair.value, 'options', at) : undefined;
    const options = optionsMap ? this.options(optionsMap, depth) : [];
    if (optionsMap && options.length === 0 && optionsMap.items.length === 0) {
      r.report('wrong-type', r.locate(optionsMap), 'options', 'at least two options');
    }
    const defaultPair = keys.get('default');
    const defaultOption = defaultPair ? r.text(defaultPair.value, 'default', at) : options[0]?.id;
    if (defaultPair && defaultOption !== undefined && options.length > 0 && !options.some((o) => o.id === defaultOption)) {
      r.report('unknown-value', r.locate(defaultPair.value), 'default option', defaultOption, options.map((o) => o.id).join(', '));
    }
    if (question === undefined || name === undefined || defaultOption === undefined || options.length === 0) return undefined;
    return { ...base, kind: 'choice', name, question, options, defaultOption };
  }

  private options(map: YAMLMap, depth: number): ChoiceOption[] {
    const r = this.reader;
    const options: ChoiceOption[] = [];
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      const id = isScalar(pair.key) ? String(pair.key.value) : '';
      const at = r.locate(pair.key);
      if (!idPattern.test(id)) {
        r.report('wrong-type', at, 'an option name', 'lower-case words joined by hyphens');
        continue;
      }
      const body = r.map(pair.value, `option "${id}"`, at);
      if (!body) continue;
      const keys = r.pairs(body, `option "${id}"`, ['label', 'ambience', 'steps']);
      const labelPair = keys.get('label');
      if (!labelPair) r.report('missing-key', at, 'label', `option "${id}"`);
      const label = labelPair ? r.text(labelPair.value, 'label', at) : undefined;
      const ambiencePair = keys.get('ambience');
      const ambience = ambiencePair ? r.oneOf(ambiencePair.value, 'ambience', ambienceKinds, at) : undefined;
      const stepsPair = keys.get('steps');
      if (!stepsPair) r.report('missing-key', at, 'steps', `option "${id}"`);
      const steps = stepsPair ? this.steps(stepsPair.value, `the steps of option "${id}"`, at, depth + 1) : [];
      if (label === undefined) continue;
      options.push({ id, label, steps, at, ...(ambience ? { ambience } : {}) });
    }
    return options;
  }
}
