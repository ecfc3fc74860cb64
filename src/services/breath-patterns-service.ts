import { breathPresets } from '../engine/breath-patterns';
import type { BreathPattern } from '../engine/script-model';
import { breathPatternLimits, patternNameLength } from '../storage/breath-pattern-rules';
import { deleteBreathPattern, listBreathPatterns, putBreathPattern } from '../storage/breath-patterns';
import type { CustomBreathPattern } from '../storage/schema';
import { settingKeys } from '../storage/setting-rules';
import { getSetting, putSetting } from '../storage/settings';
import type { DataStore } from './data-store';
import { pacerChoiceQuery, pacerDefaults, pacerPatterns, presetNames, readPacerChoice, sameName, type PacerChoice } from './pacer-choice';

export type { CustomBreathPattern };
export { breathPatternLimits };

type Phase = keyof BreathPattern;

/** A pattern as the form holds it: what was typed, untouched. */
export type PatternFields = Readonly<Record<'name' | Phase, string>>;

/** What is wrong with a pattern before it is saved, per field, in words a person reads. */
export type PatternProblems = Partial<Record<keyof PatternFields | 'count', string>>;

export type PatternCheck = { readonly ok: true; readonly name: string; readonly pattern: BreathPattern } | { readonly ok: false; readonly problems: PatternProblems };

export type PatternSaved = { readonly ok: true; readonly pattern: CustomBreathPattern } | { readonly ok: false; readonly problems: PatternProblems };

const range = (phase: Phase) => `${String(breathPatternLimits.seconds[phase].min)} to ${String(breathPatternLimits.seconds[phase].max)} seconds`;
const phaseProblems: Readonly<Record<Phase, string>> = {
  inhale: `Breathe in for ${range('inhale')}.`,
  hold: `Hold for ${range('hold')} (0 for no hold).`,
  exhale: `Breathe out for ${range('exhale')}.`,
  rest: `Rest for ${range('rest')} (0 for no rest).`,
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
  const length = patternNameLength(name);
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


/** The person's own breathing patterns and the pacer's remembered settings, kept on this device. */
export class BreathPatternsService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** The person's patterns, in the order they made them. */
  list(): Promise<CustomBreathPattern[]> {
    return this.store.run((db) => listBreathPatterns(db, this.now()));
  }

  /** Saves a new pattern, or the pattern with id `id` (renamed or changed), once it checks out. */
  save(fields: PatternFields, id?: string): Promise<PatternSaved> {
    return this.store.run(async (db) => {
      const customs = await listBreathPatterns(db, this.now());
      const checked = checkBreathPattern(fields, takenNames(customs, id));
      if (!checked.ok) return checked;
      const before = customs.find((custom) => custom.id === id);
      if (!before && customs.length >= breathPatternLimits.count) {
        return { ok: false, problems: { count: `You have ${breathPatternLimits.count.toLocaleString('en')} patterns of your own, the most Lull keeps. Delete one to make room.` } };
      }
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
      const [choice, vibrate] = await Promise.all([getSetting(db, settingKeys.pacerChoice), getSetting(db, settingKeys.pacerVibrate)]);
      const stored = typeof choice === 'string' ? readPacerChoice(new URLSearchParams(choice), pacerPatterns(customs)).choice : pacerDefaults;
      return { choice: stored, vibrate: vibrate === true };
    });
  }

  rememberChoice(choice: PacerChoice): Promise<void> {
    return this.store.run((db) => putSetting(db, settingKeys.pacerChoice, pacerChoiceQuery(choice)));
  }

  rememberVibrate(on: boolean): Promise<void> {
    return this.store.run((db) => putSetting(db, settingKeys.pacerVibrate, on));
  }
}
