import type { JournalDraft } from '../services/journal-service';
import type { LetterDraft } from '../services/letter-service';

/** What a writing editor holds: a journal entry, or a letter (which has a title too). */
export type WritingDraft = JournalDraft | LetterDraft;

/** A custom breathing pattern was saved or deleted; `saved` is the id of the one just saved. */
export class BreathPatternsChangedEvent extends Event {
  static readonly eventName = 'lull-breath-patterns-changed';

  constructor(readonly saved: string | undefined) {
    super(BreathPatternsChangedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** What is being written changed (the person typed, or a save gave it a new revision or id); `draft` is it as it stands now, saved or not. */
export class DraftChangeEvent extends Event {
  static readonly eventName = 'lull-draft-change';

  constructor(readonly draft: WritingDraft) {
    super(DraftChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lull-breath-patterns-changed': BreathPatternsChangedEvent;
    'lull-draft-change': DraftChangeEvent;
  }
}
