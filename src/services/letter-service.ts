import { maxLetterText, maxLetterTitle } from '../storage/letters';
import type { Letter } from '../storage/schema';
import { revisionOf } from '../storage/writings';
import type { WritingKind, WritingService } from './writing-service';

export type { Letter };
export { maxLetterText, maxLetterTitle };

/** What the person sees as a letter's title until they give it one. */
export const untitledLetter = 'To my younger self';

/** What the editor holds: a letter's identity, title and text, before it is stamped and saved. */
export interface LetterDraft {
  readonly kind: 'letter';
  readonly id: string;
  readonly createdAt: number;
  readonly title: string;
  readonly text: string;
  /** The stored revision it was read at or last saved as; absent for a letter never saved. */
  readonly revision?: number;
}

/** Letters to the person's younger self, written in a session or on their own: a journal entry with a title. */
export const letterKind: WritingKind<'letters', LetterDraft> = {
  store: 'letters',
  noun: 'letter',
  aNoun: 'A letter',
  maxText: maxLetterText,
  blank: (id, createdAt) => ({ kind: 'letter', id, createdAt, title: '', text: '' }),
  toDraft: (letter) => ({ kind: 'letter', id: letter.id, createdAt: letter.createdAt, title: letter.title, text: letter.text, revision: revisionOf(letter) }),
  toWriting: (draft, updatedAt) => ({ id: draft.id, createdAt: draft.createdAt, updatedAt, title: draft.title, text: draft.text }),
};

export type LetterService = WritingService<'letters', LetterDraft>;
