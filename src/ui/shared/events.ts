import type { JournalDraft } from '../../services/journal-service';
import type { LetterDraft } from '../../services/letter-service';

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

/**
 * A session or the pacer started or came back to its settings: while `immersive`, the app's
 * header folds into one quiet bar and the screen belongs to the session.
 */
export class ImmersiveChangeEvent extends Event {
  static readonly eventName = 'lull-immersive-change';

  constructor(readonly immersive: boolean) {
    super(ImmersiveChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A screen knows its own name (a session's title): the tab's title says it. */
export class ScreenTitleEvent extends Event {
  static readonly eventName = 'lull-screen-title';

  constructor(readonly title: string) {
    super(ScreenTitleEvent.eventName, { bubbles: true, composed: true });
  }
}

/** "I need a break" was pressed in the header: a screen that plays fades its sound out gently. */
export class BreakRequestEvent extends Event {
  static readonly eventName = 'lull-break-request';

  constructor() {
    super(BreakRequestEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lull-breath-patterns-changed': BreathPatternsChangedEvent;
    'lull-draft-change': DraftChangeEvent;
    'lull-immersive-change': ImmersiveChangeEvent;
    'lull-screen-title': ScreenTitleEvent;
    'lull-break-request': BreakRequestEvent;
  }
}
