import { breathPresets } from '../engine/breath-patterns';
import type { BreathPattern } from '../engine/script-model';
import { deleteBreathPattern, listBreathPatterns, putBreathPattern } from '../storage/breath-patterns';
import type { CustomBreathPattern } from '../storage/schema';
import { getSetting, putSetting } from '../storage/settings';
import type { DataStore } from './data-store';
import { pacerChoiceQuery, pacerDefaults, pacerPatterns, presetNames, readPacerChoice, sameName, type PacerChoice } from './pacer-choice';

export type { CustomBreathPattern };

type Phase = keyof BreathPattern;

/** What a person may set for a pattern of their own. */
export const breathPatternLimits = {
  name: 40,
  seconds: { inhale: { min: 1, max: 60 }, hold: { min: 0, max: 60 }, exhale: { min: 1, max: 60 }, rest: { min: 0, max: 60 } },
} as const satisfies { name: number; seconds: Record<Phase, { min: number; max: number }> };

/** A pattern as the form holds it: what was typed, untouched. */
export type PatternFields = Readonly<Record<'name' | Phase, string>>;

/** What is wrong with a pattern before it is saved, per field, in words a person reads. */
export type PatternProblems = Partial<Record<keyof PatternFields, string>>;

export type PatternCheck = { readonly ok: true; readonly name: string; readonly pattern: BreathPattern } | { readonly ok: false; readonly problems: PatternProblems };

export type PatternSaved = { readonly ok: true; readonly pattern: CustomBreathPattern } | { readonly ok: false; readonly problems: PatternProblems };

const phaseProblems: Readonly<Record<Phase, string>> = {
  inhale: 'Breathe in for 1 to 60 seconds.',
  hold: 'Hold for 0 to 60 seconds (0 for no hold).',
  exhale: 'Breathe out for 1 to 60 seconds.',
  rest: 'Rest for 0 to 60 seconds (0 for no rest).',
};

/** Seconds as typed: "5.5" or "5,5"; an empty hold or rest is none. */
function readSeconds(phase: Phase, typed: string): number | undefined {
  const text = typed.trim().replace(',', '.');
  if (text === '') return breathPatternLimits.seconds[phase].min === 0 ? 0 : undefined;
  if (!/^\d{1,2}(?:\.\d{1,2})?$/u.test(text)) return undefined;
  const seconds = Number(text);
  const { min, max } = breathPatternLimits.seconds[phase];
  return seconds >= min && seconds <= max ? seconds : undefined;
}

/** The names a new pattern cannot take: the presets' and those of the person's other patterns. */
export function takenNames(customs: readonly CustomBreathPattern[], except?: string): string[] {
  return [...Object.keys(breathPresets), ...Object.values(presetNames), ...customs.filter((custom) => custom.id !== except).map((custom) => custom.name)];
}

/** Checks a pattern as typed: a name of 1 to 40 characters not used yet, and seconds in range. */
export function checkBreathPattern(fields: PatternFields, taken: readonly string[]): PatternCheck {
  const problems: PatternProblems = {};
  const name = fields.name.trim();
  const length = [...new Intl.Segmenter().segment(name)].length;
  if (length === 0) problems.name = 'Give the pattern a name, so you can find it again.';
  else if (length > breathPatternLimits.name) problems.name = `Keep the name to ${String(breathPatternLimits.name)} characters (it has ${String(length)}).`;
  else if (taken.some((other) => sameName(other, name))) problems.name = `There is already a pattern called “${name}”. Choose another name.`;
  const seconds: Partial<Record<Phase, number>> = {};
  for (const phase of ['inhale', 'hold', 'exhale', 'rest'] as const) {
    const value = readSeconds(phase, fields[phase]);
    if (value === undefined) problems[phase] = phaseProblems[phase];
    else seconds[phase] = value;
  }
  const { inhale, hold, exhale, rest } = seconds;
  if (Object.keys(problems).length > 0 || inhale === undefined || hold === undefined || exhale === undefined || rest === undefined) return { ok: false, problems };
  return { ok: true, name, pattern: { inhale, hold, exhale, rest } };
}

/** Settings keys of the pacer: the last choice (as a link's query) and the vibration switch. */
const choiceKey = 'pacerChoice';
const vibrateKey = 'pacerVibrate';

/** The person's own breathing patterns and the pacer's remembered settings, kept on this device. */
export class BreathPatternsService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** The person's patterns, in the order they made them. */
  list(): Promise<CustomBreathPattern[]> {
    return this.store.run(listBreathPatterns);
  }

  /** Saves a new pattern, or the pattern with id `id` (renamed or changed), once it checks out. */
  save(fields: PatternFields, id?: string): Promise<PatternSaved> {
    return this.store.run(async (db) => {
      const customs = await listBreathPatterns(db);
      const checked = checkBreathPattern(fields, takenNames(customs, id));
      if (!checked.ok) return checked;
      const before = customs.find((custom) => custom.id === id);
      const pattern: CustomBreathPattern = { id: before?.id ?? this.newId(), name: checked.name, ...checked.pattern, createdAt: before?.createdAt ?? this.now() };
      await putBreathPattern(db, pattern);
      return { ok: true, pattern };
    });
  }

  remove(id: string): Promise<void> {
    return this.store.run((db) => deleteBreathPattern(db, id));
  }

  /** The pacer's last settings (defaults where nothing usable is stored) and whether it vibrates. */
  remembered(customs: readonly CustomBreathPattern[]): Promise<{ choice: PacerChoice; vibrate: boolean }> {
    return this.store.run(async (db) => {
      const [choice, vibrate] = await Promise.all([getSetting(db, choiceKey), getSetting(db, vibrateKey)]);
      const stored = typeof choice === 'string' ? readPacerChoice(new URLSearchParams(choice), pacerPatterns(customs)).choice : pacerDefaults;
      return { choice: stored, vibrate: vibrate === true };
    });
  }

  rememberChoice(choice: PacerChoice): Promise<void> {
    return this.store.run((db) => putSetting(db, choiceKey, pacerChoiceQuery(choice)));
  }

  rememberVibrate(on: boolean): Promise<void> {
    return this.store.run((db) => putSetting(db, vibrateKey, on));
  }
}
