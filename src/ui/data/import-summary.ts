import { backupSections, type BackupSection, type ImportSummary } from '../../services/backup-service';
import { countOf } from '../shared/data-format';

/** Each kind of record in a backup, as a person counts it. */
export const sectionLabels: Readonly<Record<BackupSection, readonly [string, string]>> = {
  settings: ['setting', 'settings'],
  journal: ['journal entry', 'journal entries'],
  letters: ['letter', 'letters'],
  recordings: ['recording', 'recordings'],
  checkIns: ['check-in', 'check-ins'],
  sessionHistory: ['session in your history', 'sessions in your history'],
  resumePositions: ['place to resume', 'places to resume'],
  breathPatterns: ['breathing pattern', 'breathing patterns'],
  supportContacts: ['support contact', 'support contacts'],
  madeSessions: ['session you made', 'sessions you made'],
};

const and = new Intl.ListFormat('en', { type: 'conjunction' });

/** "2 journal entries and 1 letter", or '' when there are none. */
function listCounts(counts: Readonly<Record<BackupSection, number>>): string {
  const parts = backupSections
    .filter((section) => counts[section] > 0)
    .map((section) => countOf(counts[section], ...sectionLabels[section]));
  return and.format(parts);
}

const sum = (counts: Readonly<Record<BackupSection, number>>) => Object.values(counts).reduce((total, count) => total + count, 0);

/**
 * What an import did, in plain words: what was added, what was updated to the backup's newer
 * version, what stayed as it is here (changed since the backup), which earlier versions are kept
 * beside the newer ones, and what was skipped because it is already here.
 */
export function describeImport(summary: ImportSummary): string {
  const { added, updated, kept, identical, earlierCopies } = summary;
  if (sum(added) + sum(updated) + sum(kept) + identical === 0) return 'The backup was empty; nothing changed.';
  const sentences: string[] = [];
  if (sum(added) + sum(updated) === 0) sentences.push('Nothing new to add.');
  if (sum(added) > 0) sentences.push(`Added ${listCounts(added)}.`);
  if (sum(updated) > 0) sentences.push(`Updated ${listCounts(updated)} to the newer version in the backup.`);
  if (sum(kept) > 0) sentences.push(`Kept this device’s version of ${listCounts(kept)}, changed here since the backup.`);
  if (earlierCopies > 0) {
    sentences.push(`${countOf(earlierCopies, 'other version is', 'other versions are')} kept as well, marked “Earlier version”, so nothing you wrote is lost.`);
  }
  if (identical > 0) sentences.push(`Skipped ${countOf(identical, 'record', 'records')} already here, unchanged.`);
  return sentences.join(' ');
}
