import { breathPresets } from '../engine/breath-patterns';
import type { Script } from '../engine/script-model';
import type { ScriptProblem } from '../engine/script-problem';
import { draftLimitProblems, draftSource, isMadeSessionId, madeSessionPrefix, placeOfProblem, type DraftStep, type SessionDraft } from '../engine/session-draft';
import { deleteMadeSession, getMadeSession, listMadeSessions, saveMadeSession, type MadeSaveOutcome } from '../storage/made-sessions';
import type { MadeSession } from '../storage/schema';
import type { DataStore } from './data-store';
import { SessionPackError } from './session-pack';

export type { MadeSession, MadeSaveOutcome };
export type { DraftRange, DraftStep, SessionDraft } from '../engine/session-draft';
export { draftLimits, isMadeSessionId } from '../engine/session-draft';
export { ambienceKinds, breathCueKinds, practiceKinds } from '../engine/script-model';
export { breathPresets };

/** A made session's problems, each where the maker shows it: on the details or on its step. */
export interface DraftCheck {
  readonly details: readonly string[];
  /** By step index. */
  readonly steps: ReadonlyMap<number, readonly string[]>;
  /** The script the session plays, when there is no problem. */
  readonly script?: Script;
}

const idCharacters = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new id: `made-` and 10 random letters and digits. */
export function newMadeId(random: () => number = Math.random): string {
  let tail = '';
  for (let index = 0; index < 10; index += 1) tail += idCharacters[Math.floor(random() * idCharacters.length)] ?? 'a';
  return `${madeSessionPrefix}${tail}`;
}

export const newStepId = (): string => crypto.randomUUID().slice(0, 8);

/** A step of each kind as the maker adds it: a gentle default the person changes. */
export function newStep(kind: DraftStep['kind']): DraftStep {
  const id = newStepId();
  switch (kind) {
    case 'say':
      return { id, kind, text: '' };
    case 'pause':
      return { id, kind, seconds: { min: 5, max: 60 } };
    case 'breathe':
      return { id, kind, pattern: breathPresets['long-exhale'] ?? { inhale: 4, hold: 0, exhale: 6, rest: 0 }, minutes: { min: 1, max: 3 }, cue: 'voice-then-tone' };
    case 'taps':
      return { id, kind, interval: 1.2, minutes: { min: 0.5, max: 2 } };
    case 'bell':
      return { id, kind, count: 1 };
    case 'ambience':
      return { id, kind, ambience: 'rain', volume: 0.3, fade: 4 };
    case 'prompt':
      return { id, kind, text: '', seconds: { min: 20, max: 120 }, journal: true };
  }
}

/** What a new session starts with: a welcome that leaves the person free, a quiet moment, a bell. */
export function newDraft(id: string): SessionDraft {
  return {
    id,
    title: 'My session',
    description: 'Words I want to hear.',
    practice: 'self-compassion',
    length: { min: 3, default: 5, max: 8 },
    steps: [
      { id: newStepId(), kind: 'say', text: 'Welcome. Settle in however feels right. You can stop at any moment.' },
      { id: newStepId(), kind: 'pause', seconds: { min: 10, max: 480 } },
      { id: newStepId(), kind: 'bell', count: 1 },
    ],
  };
}

/** The file name a made session's script has in messages: what the person would save it as. */
export const scriptFileOf = (draft: SessionDraft): string => `${draft.id}.yaml`;

/**
 * Checks a draft with the engine's own reader and validator (the compiler's words) and the
 * maker's limits, and puts each problem on its step. Loads the script reader on first use.
 */
export async function checkDraft(draft: SessionDraft): Promise<DraftCheck> {
  const { checkScript } = await import('../engine/check-script');
  const file = scriptFileOf(draft);
  const { source, stepLines } = draftSource(draft);
  const checked = checkScript(file, source);
  const problems: ScriptProblem[] = [...(checked.ok ? [] : checked.problems), ...draftLimitProblems(draft, file, stepLines)];
  const details: string[] = [];
  const steps = new Map<number, string[]>();
  for (const problem of problems) {
    const place = placeOfProblem(problem.line, stepLines);
    const message = capitalized(problem.message);
    if (place.kind === 'details') details.push(message);
    else steps.set(place.index, [...(steps.get(place.index) ?? []), message]);
  }
  return problems.length === 0 && checked.ok ? { details, steps, script: checked.script } : { details, steps };
}

/**
 * One step of a draft alone, as a script to hear it by (the preview): read, not validated, since a
 * single step need not fill the session's length. Undefined while the step itself has a problem.
 */
export async function stepPreviewScript(draft: SessionDraft, index: number): Promise<Script | undefined> {
  const step = draft.steps[index];
  if (!step) return undefined;
  const { parseScript } = await import('../engine/parse-script');
  const alone: SessionDraft = { ...draft, title: draft.title || 'Preview', length: { min: 1, default: 1, max: 1 }, steps: [step] };
  const parsed = parseScript(scriptFileOf(draft), draftSource(alone).source);
  return parsed.problems.length === 0 ? parsed.script : undefined;
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The sessions the person made, kept on this device and in the backup. */
export class MadeSessionsService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
  ) {}

  list(): Promise<MadeSession[]> {
    return this.store.run((db) => listMadeSessions(db, this.now()));
  }

  get(id: string): Promise<MadeSession | undefined> {
    return isMadeSessionId(id) ? this.store.run((db) => getMadeSession(db, id, this.now())) : Promise.resolve(undefined);
  }

  /** Starts a new session and keeps it at once, so it is in the library even before a change. */
  async create(): Promise<MadeSession> {
    const at = this.now();
    const { session } = await this.store.run((db) => saveMadeSession(db, { ...newDraft(newMadeId()), createdAt: at, updatedAt: at }, 0, newMadeId));
    return session;
  }

  /** Saves an edit of `revision`; if another window saved meanwhile, this edit is kept as a copy. */
  save(draft: SessionDraft, created: number, revision: number): Promise<{ outcome: MadeSaveOutcome; session: MadeSession }> {
    return this.store.run((db) => saveMadeSession(db, { ...draft, createdAt: created, updatedAt: this.now() }, revision, newMadeId));
  }

  /** Keeps a session that came from a file, under a new id of this device. */
  async keep(draft: Omit<SessionDraft, 'id'>): Promise<MadeSession> {
    const at = this.now();
    const { session } = await this.store.run((db) => saveMadeSession(db, { ...draft, id: newMadeId(), createdAt: at, updatedAt: at }, 0, newMadeId));
    return session;
  }

  remove(id: string): Promise<void> {
    return this.store.run((db) => deleteMadeSession(db, id));
  }

  /** The script a made session plays, or why it cannot play (said in plain words). */
  async script(id: string): Promise<Script> {
    const session = await this.get(id);
    if (!session) throw new SessionPackError('not-found', `There is no session "${id}" on this device.`);
    const check = await checkDraft(session);
    if (!check.script) {
      const count = check.details.length + [...check.steps.values()].reduce((sum, list) => sum + list.length, 0);
      throw new MadeSessionProblemError(session.title, count);
    }
    return check.script;
  }
}

/** A made session with problems left in it: it opens in the maker, not the player. */
export class MadeSessionProblemError extends Error {
  override name = 'MadeSessionProblemError';

  constructor(
    readonly title: string,
    readonly count: number,
  ) {
    super(`“${title}” has ${count === 1 ? 'one thing' : `${String(count)} things`} to fix before it can play. Open it in the maker to see where.`);
  }
}
