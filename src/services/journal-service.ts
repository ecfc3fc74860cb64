import { maxJournalText } from '../storage/journal';
import type { JournalEntry } from '../storage/schema';
import { revisionOf } from '../storage/writings';
import type { WritingKind, WritingService } from './writing-service';

export type { JournalEntry };
export { maxJournalText };

/** What the editor holds: an entry's identity and text, before it is stamped and saved. */
export interface JournalDraft {
  readonly kind: 'journal';
  readonly id: string;
  readonly createdAt: number;
  readonly text: string;
  readonly prompt: string | null;
  /** The stored revision it was read at or last saved as; absent for an entry never saved. */
  readonly revision?: number;
}

/** Journal entries: free writing, or the answer to one question. */
export const journalKind: WritingKind<'journal', JournalDraft> = {
  store: 'journal',
  noun: 'entry',
  aNoun: 'An entry',
  maxText: maxJournalText,
  blank: (id, createdAt) => ({ kind: 'journal', id, createdAt, text: '', prompt: null }),
  toDraft: (entry) => ({ kind: 'journal', id: entry.id, createdAt: entry.createdAt, text: entry.text, prompt: entry.prompt, revision: revisionOf(entry) }),
  toWriting: (draft, updatedAt) => ({ id: draft.id, createdAt: draft.createdAt, updatedAt, text: draft.text, prompt: draft.prompt }),
};

export type JournalService = WritingService<'journal', JournalDraft>;
