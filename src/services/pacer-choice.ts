import { breathPresets, cycleSeconds, phaseOutOfLimits } from '../engine/breath-patterns';
import { describePattern, pacerLimits, pacerScript, type PacerSettings } from '../engine/pacer-script';
import type { BreathCue, BreathPattern, Script } from '../engine/script-model';
import type { Minutes } from '../engine/units';
import type { CustomBreathPattern } from '../storage/schema';

/** How long the pacer plays: whole minutes, or a number of breaths. */
export type PacerLength = { readonly minutes: Minutes } | { readonly cycles: number };

/** What the person chose on the pacer: a pattern (a preset's key or a custom pattern's id), a length, a cue. */
export interface PacerChoice {
  readonly pattern: string;
  readonly length: PacerLength;
  readonly cue: BreathCue;
}

/** A pattern the pacer offers, preset or the person's own. */
export interface PacerPattern {
  /** A preset's key (`box`) or a custom pattern's id. */
  readonly key: string;
  readonly name: string;
  readonly pattern: BreathPattern;
  /** Its phases in words: "In 4 · out 8 seconds". */
  readonly description: string;
  readonly custom: boolean;
}

export const pacerDefaults: PacerChoice = { pattern: 'long-exhale', length: { minutes: 5 }, cue: 'voice' };

/** Whole minutes a pacer session can last. */
export const pacerMinutes = { min: 1, max: pacerLimits.minutes } as const;

/** The presets' names as a person reads them. */
export const presetNames: Readonly<Record<string, string>> = {
  'long-exhale': 'Long exhale',
  box: 'Box',
  '4-7-8': '4-7-8',
  resonance: 'Resonance',
};

/** How each cue is named in a link (`?cue=tone`) and in the stored settings. */
const cueWords: Readonly<Record<BreathCue, string>> = { voice: 'voice', tone: 'tone', none: 'silent', 'voice-then-tone': 'voice-then-tone', 'voice-then-quiet': 'voice-then-quiet' };
const cueOfWord: Readonly<Record<string, BreathCue>> = {
  voice: 'voice',
  tone: 'tone',
  silent: 'none',
  none: 'none',
  'voice-then-tone': 'voice-then-tone',
  'voice-then-quiet': 'voice-then-quiet',
};

/** The presets, then the person's patterns in the order they made them (only those the engine can play). */
export function pacerPatterns(customs: readonly CustomBreathPattern[]): PacerPattern[] {
  const presets = Object.entries(breathPresets).map(([key, pattern]) => ({ key, name: presetNames[key] ?? key, pattern, description: describePattern(pattern), custom: false }));
  const own = customs
    .filter((custom) => phaseOutOfLimits(custom) === undefined)
    .map((custom) => ({ key: custom.id, name: custom.name, pattern: patternOfCustom(custom), description: describeCustomPattern(custom), custom: true }));
  return [...presets, ...own];
}

/** Compares names the way a person would: spacing and letter case aside. */
export const sameName = (a: string, b: string): boolean => a.trim().normalize('NFC').toLocaleLowerCase() === b.trim().normalize('NFC').toLocaleLowerCase();

/** A name as links spell it in many ways: `478`, `4-7-8`, `Long exhale`, `long_exhale` all read the same. */
const looseName = (value: string): string => value.normalize('NFC').toLocaleLowerCase().replace(/[\s_-]+/gu, '');

/** A pattern by its key or id, else by its name, else by its name or key written another common way (`478` for 4-7-8). */
export function findPattern(value: string, patterns: readonly PacerPattern[]): PacerPattern | undefined {
  const loose = looseName(value);
  return (
    patterns.find((candidate) => candidate.key === value) ??
    patterns.find((candidate) => sameName(candidate.name, value)) ??
    (loose === '' ? undefined : patterns.find((candidate) => looseName(candidate.key) === loose || looseName(candidate.name) === loose))
  );
}

/** The most breaths of a pattern that fit in the longest session. */
export function maxCycles(pattern: BreathPattern): number {
  return Math.max(1, Math.min(pacerLimits.cycles, Math.floor((pacerLimits.minutes * 60) / cycleSeconds(pattern))));
}

const wholeNumber = (value: string): number | undefined => (/^\s*\d{1,4}\s*$/u.test(value) ? Number(value) : undefined);
const shown = (value: string): string => (value.length > 40 ? `${value.slice(0, 39)}…` : value);

/** The pattern a choice names, or the default one when it names none (a deleted custom pattern). */
export function patternOf(choice: PacerChoice, patterns: readonly PacerPattern[]): PacerPattern {
  const fallback = patterns.find((candidate) => candidate.key === pacerDefaults.pattern) ?? pacerPatterns([])[0];
  const found = patterns.find((candidate) => candidate.key === choice.pattern) ?? fallback;
  if (!found) throw new Error('The pacer has no presets.');
  return found;
}

/** A length that fits the pattern: a whole number of minutes or breaths within the limits. */
export function fitLength(length: PacerLength, pattern: BreathPattern): PacerLength {
  if ('cycles' in length) return { cycles: Math.min(maxCycles(pattern), Math.max(1, Math.round(length.cycles))) };
  return { minutes: Math.min(pacerMinutes.max, Math.max(pacerMinutes.min, Math.round(length.minutes))) };
}

/** The same length counted the other way: minutes as breaths, or breaths as minutes. */
export function switchLength(length: PacerLength, pattern: BreathPattern): PacerLength {
  const cycle = cycleSeconds(pattern);
  return fitLength('cycles' in length ? { minutes: (length.cycles * cycle) / 60 } : { cycles: (length.minutes * 60) / cycle }, pattern);
}

/**
 * Reads pacer settings from a link or the stored settings (`pattern=box&minutes=5&cue=tone`;
 * `cycles=8` for a number of breaths; a custom pattern by id or name). What is missing comes
 * from `base`; what cannot be used falls back to the defaults, with a note the person reads.
 */
export function readPacerChoice(query: URLSearchParams, patterns: readonly PacerPattern[], base: PacerChoice = pacerDefaults): { choice: PacerChoice; notes: string[] } {
  const notes: string[] = [];
  const defaultPattern = patternOf(pacerDefaults, patterns);

  let pattern = patternOf(base, patterns);
  const patternValue = query.get('pattern');
  if (patternValue !== null) {
    const found = findPattern(patternValue, patterns);
    if (found) pattern = found;
    else {
      pattern = defaultPattern;
      notes.push(`There is no breathing pattern called “${shown(patternValue)}”, so the pacer uses ${defaultPattern.name}.`);
    }
  }

  let cue = base.cue;
  const cueValue = query.get('cue');
  if (cueValue !== null) {
    const found = cueOfWord[cueValue.trim().toLowerCase()];
    if (found) cue = found;
    else {
      cue = pacerDefaults.cue;
      notes.push(`“${shown(cueValue)}” is not a cue the pacer knows, so it uses the soft voice.`);
    }
  }

  let length = base.length;
  const minutesValue = query.get('minutes');
  const cyclesValue = query.get('cycles');
  const defaultLength = `${String('minutes' in pacerDefaults.length ? pacerDefaults.length.minutes : 0)} minutes`;
  if (minutesValue !== null) {
    const minutes = wholeNumber(minutesValue);
    if (minutes !== undefined && minutes >= pacerMinutes.min && minutes <= pacerMinutes.max) length = { minutes };
    else {
      length = pacerDefaults.length;
      notes.push(`A length of “${shown(minutesValue)}” minutes is not possible (1 to ${String(pacerMinutes.max)}), so the pacer plays ${defaultLength}.`);
    }
  }
  if (cyclesValue !== null) {
    const cycles = wholeNumber(cyclesValue);
    const most = maxCycles(pattern.pattern);
    if (cycles !== undefined && cycles >= 1 && cycles <= most) {
      if (minutesValue !== null) notes.push(`The link asks for both minutes and breaths, so the pacer counts ${String(cycles)} breaths.`);
      length = { cycles };
    } else if (minutesValue === null) {
      length = pacerDefaults.length;
      notes.push(`“${shown(cyclesValue)}” breaths is not possible with ${pattern.name} (1 to ${String(most)}), so the pacer plays ${defaultLength}.`);
    } else {
      notes.push(`“${shown(cyclesValue)}” breaths is not possible with ${pattern.name} (1 to ${String(most)}), so the link’s minutes are used.`);
    }
  }

  return { choice: { pattern: pattern.key, length: fitLength(length, pattern.pattern), cue }, notes };
}

/** A choice as a link's query (and the stored settings): `pattern=box&minutes=5&cue=tone`. */
export function pacerChoiceQuery(choice: PacerChoice): string {
  const query = new URLSearchParams({ pattern: choice.pattern });
  if ('cycles' in choice.length) query.set('cycles', String(choice.length.cycles));
  else query.set('minutes', String(choice.length.minutes));
  query.set('cue', cueWords[choice.cue]);
  return query.toString();
}

const patternOfCustom = (custom: CustomBreathPattern): BreathPattern => ({ inhale: custom.inhale, hold: custom.hold, exhale: custom.exhale, rest: custom.rest });

/** A pattern of the person's own, its phases in words. */
export function describeCustomPattern(custom: CustomBreathPattern): string {
  return describePattern(patternOfCustom(custom));
}

/** The session the pacer plays for a choice (built anew only when `pacerSettings` changes). */
export function pacerScriptOf(choice: PacerChoice, patterns: readonly PacerPattern[]): Script {
  return pacerScript(pacerSettings(choice, patterns));
}

/** What the pacer's script is built from, for the session the choice describes. */
export function pacerSettings(choice: PacerChoice, patterns: readonly PacerPattern[]): PacerSettings {
  const pattern = patternOf(choice, patterns);
  return { patternName: pattern.name, pattern: pattern.pattern, length: fitLength(choice.length, pattern.pattern), cue: choice.cue };
}
