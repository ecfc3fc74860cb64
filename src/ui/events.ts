/** A custom breathing pattern was saved or deleted; `saved` is the id of the one just saved. */
export class BreathPatternsChangedEvent extends Event {
  static readonly eventName = 'lull-breath-patterns-changed';

  constructor(readonly saved: string | undefined) {
    super(BreathPatternsChangedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lull-breath-patterns-changed': BreathPatternsChangedEvent;
  }
}
