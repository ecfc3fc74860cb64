import { lineKey } from '../engine/line-key';
import { backupSections, type BackupData, type BackupSection } from './backup-format';
import { sameValue } from './same-value';
import type { EpochMilliseconds, JournalEntry, Letter, MadeSession } from './schema';

type SectionCounts = Readonly<Record<BackupSection, number>>;

/** What an import did with each record of the file. */
export interface ImportSummary {
  /** Records that were not here, added. */
  readonly added: SectionCounts;
  /** Records here in another version that stayed as they are: newer on this device, or of a kind without a change time. */
  readonly kept: SectionCounts;
  /** Records here in an older version, replaced by the file's newer one. */
  readonly updated: SectionCounts;
  /** Records here exactly as the file has them, skipped. */
  readonly identical: number;
  /** Journal entries and letters whose other version is kept beside them, marked as an earlier version. */
  readonly earlierCopies: number;
}

type Items = { readonly [S in BackupSection]: BackupData[S][number][] };

export interface MergePlan {
  /** What to write: the file's records that are new here or newer, and copies of earlier versions. */
  readonly writes: Items;
  readonly summary: ImportSummary;
}

interface SectionRule<T> {
  key(item: T): string;
  /** Whether the file's version is newer than this device's; without it (no change time) this device's version stays. */
  newer?(incoming: T, here: T): boolean;
  /**
   * The earlier of two versions as a copy to keep beside the newer one, or undefined when they do
   * not differ in what the person wrote. `attempt` gives another id should one be taken.
   */
  copy?(earlier: T, newer: T, attempt: number): T | undefined;
}

interface Changed {
  readonly updatedAt: EpochMilliseconds;
  readonly revision?: number;
}

/** Later change time wins; at the same moment, the version saved more often. */
const changedLater = (incoming: Changed, here: Changed): boolean =>
  incoming.updatedAt > here.updatedAt || (incoming.updatedAt === here.updatedAt && (incoming.revision ?? 0) > (here.revision ?? 0));

/** Copies of earlier versions get ids made from what they hold, so importing the same file again finds the same copy. */
function earlierCopy<T extends JournalEntry | Letter>(writing: (item: T) => string) {
  return (earlier: T, newer: T, attempt: number): T | undefined => {
    if (writing(earlier) === writing(newer)) return undefined;
    // The engine's stable content key (made for narration lines) serves any text.
    const hash = lineKey(`${earlier.id}\u0000${String(earlier.updatedAt)}\u0000${writing(earlier)}`, `earlier-version-${String(attempt)}`);
    return { ...earlier, id: `${earlier.id.slice(0, 38)}-earlier-${hash}`, earlierVersionOf: newer.id };
  };
}

const byId = (item: { readonly id: string }) => item.id;
/** Kinds without a change time: told apart by id, and this device's version stays. */
const keptById = <T extends { readonly id: string }>(): SectionRule<T> => ({ key: byId });

/** How many ids a copy tries before giving up; only a hash collision on each would need a second. */
const copyAttempts = 16;

interface SectionResult<T> {
  readonly writes: T[];
  readonly added: number;
  readonly kept: number;
  readonly updated: number;
  readonly identical: number;
  readonly copies: number;
}

function mergeSection<T>(rule: SectionRule<T>, here: readonly T[], incoming: readonly T[]): SectionResult<T> {
  const hereByKey = new Map(here.map((item) => [rule.key(item), item]));
  const incomingByKey = new Map(incoming.map((item) => [rule.key(item), item]));
  const written = new Map<string, T>();
  const result = { writes: [] as T[], added: 0, kept: 0, updated: 0, identical: 0, copies: 0 };
  const write = (item: T) => {
    written.set(rule.key(item), item);
    result.writes.push(item);
  };
  const keepCopy = (earlier: T, newer: T) => {
    for (let attempt = 0; attempt < copyAttempts; attempt += 1) {
      const copy = rule.copy?.(earlier, newer, attempt);
      if (!copy) return;
      const key = rule.key(copy);
      const existing = written.get(key) ?? hereByKey.get(key) ?? incomingByKey.get(key);
      if (existing === undefined) {
        write(copy);
        result.copies += 1;
        return;
      }
      if (sameValue(existing, copy)) return;
    }
  };
  for (const item of incoming) {
    const existing = hereByKey.get(rule.key(item));
    if (existing === undefined) {
      write(item);
      result.added += 1;
    } else if (sameValue(existing, item)) {
      result.identical += 1;
    } else if (rule.newer?.(item, existing)) {
      write(item);
      result.updated += 1;
      keepCopy(existing, item);
    } else {
      result.kept += 1;
      keepCopy(item, existing);
    }
  }
  return result;
}

const setting: SectionRule<BackupData['settings'][number]> = { key: (item) => item.key };
const journal: SectionRule<JournalEntry> = { key: byId, newer: changedLater, copy: earlierCopy((entry: JournalEntry) => JSON.stringify([entry.text, entry.prompt])) };
const letter: SectionRule<Letter> = { key: byId, newer: changedLater, copy: earlierCopy((item: Letter) => JSON.stringify([item.title, item.text])) };
/** Of two versions of a made session, the one changed later stays (it is edited in one place, like a letter's title). */
const madeSession: SectionRule<MadeSession> = { key: byId, newer: changedLater };
const resumePosition: SectionRule<BackupData['resumePositions'][number]> = { key: (item) => item.sessionId, newer: changedLater };

/**
 * Merges a backup into what this device holds, never reverting it: what is new is added; what
 * is the same is skipped; of two versions, the newer stays (this device's, for kinds without a
 * change time), and for journal entries and letters the other is kept beside it as an earlier
 * version, so nothing the person wrote is lost. Merging the same file again writes nothing.
 */
export function planMerge(here: BackupData, file: BackupData): MergePlan {
  const results = {
    settings: mergeSection(setting, here.settings, file.settings),
    journal: mergeSection(journal, here.journal, file.journal),
    letters: mergeSection(letter, here.letters, file.letters),
    recordings: mergeSection(keptById(), here.recordings, file.recordings),
    checkIns: mergeSection(keptById(), here.checkIns, file.checkIns),
    sessionHistory: mergeSection(keptById(), here.sessionHistory, file.sessionHistory),
    resumePositions: mergeSection(resumePosition, here.resumePositions, file.resumePositions),
    breathPatterns: mergeSection(keptById(), here.breathPatterns, file.breathPatterns),
    supportContacts: mergeSection(keptById(), here.supportContacts, file.supportContacts),
    madeSessions: mergeSection(madeSession, here.madeSessions, file.madeSessions),
  } satisfies { [S in BackupSection]: SectionResult<BackupData[S][number]> };
  const count = (field: 'added' | 'kept' | 'updated') => Object.fromEntries(backupSections.map((section) => [section, results[section][field]])) as Record<BackupSection, number>;
  const total = (field: 'identical' | 'copies') => backupSections.reduce((sum, section) => sum + results[section][field], 0);
  return {
    writes: {
      settings: results.settings.writes,
      journal: results.journal.writes,
      letters: results.letters.writes,
      recordings: results.recordings.writes,
      checkIns: results.checkIns.writes,
      sessionHistory: results.sessionHistory.writes,
      resumePositions: results.resumePositions.writes,
      breathPatterns: results.breathPatterns.writes,
      supportContacts: results.supportContacts.writes,
      madeSessions: results.madeSessions.writes,
    },
    summary: { added: count('added'), kept: count('kept'), updated: count('updated'), identical: total('identical'), earlierCopies: total('copies') },
  };
}
