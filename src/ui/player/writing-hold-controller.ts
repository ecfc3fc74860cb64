import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { momentAt } from '../../services/session-moment';
import type { TimelineEvent } from '../../engine/timeline';
import type { SessionPlayer } from '../../services/session-player';

type PromptEvent = Extract<TimelineEvent, { kind: 'prompt' }>;

/** Typing this recently counts as writing, even once the box has lost focus. */
export const recentTypingMs = 5_000;
/** With the box focused but nothing typed for this long, the person has stopped writing for a while. */
export const stillFocusedMs = 60_000;

/** What the page has seen of the person's writing, in `performance.now()` milliseconds. */
export interface WritingActivity {
  readonly focused: boolean;
  /** When the box last got focus or a keystroke; undefined before either. */
  readonly lastActivityAt: number | undefined;
  /** When the last keystroke came; undefined before any. */
  readonly lastInputAt: number | undefined;
}

/** Whether the person is writing now: focus in the box (and not idle there for long), or typed in the last few seconds. */
export function isWriting(activity: WritingActivity, now: number): boolean {
  const typedRecently = activity.lastInputAt !== undefined && now - activity.lastInputAt < recentTypingMs;
  const activeInBox = activity.focused && activity.lastActivityAt !== undefined && now - activity.lastActivityAt < stillFocusedMs;
  return typedRecently || activeInBox;
}

/**
 * Writing never races the clock: while the person writes in a timed prompt's box, the session
 * waits at the end of that prompt's window (it says so, and Continue goes on), and goes on by
 * itself once they have stopped writing for a while. The box they are writing in stays on screen
 * until they leave it, even if the session has moved on to another question.
 */
export class WritingHoldController implements ReactiveController {
  private activity: WritingActivity = { focused: false, lastActivityAt: undefined, lastInputAt: undefined };
  /** The prompt whose box has the person's focus: it is not replaced under the cursor. */
  private focusedPrompt: PromptEvent | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly current: () => { player: SessionPlayer; position: number } | undefined,
  ) {
    host.addController(this);
  }

  /** Whether the session is waiting for the person's writing right now. */
  get waitingForWriting(): boolean {
    const current = this.current();
    return current !== undefined && current.player.state === 'waiting' && current.player.writingHold !== undefined;
  }

  /** The writing prompt to show a box for: the one being written in, else the session's own. */
  shownPrompt(sessionPrompt: PromptEvent | undefined): PromptEvent | undefined {
    return this.activity.focused && this.focusedPrompt ? this.focusedPrompt : sessionPrompt;
  }

  /** The box of `prompt` got focus. */
  focus(prompt: PromptEvent): void {
    this.focusedPrompt = prompt;
    this.activity = { ...this.activity, focused: true, lastActivityAt: performance.now() };
    this.update();
  }

  /** Focus left the box. */
  blur(): void {
    this.activity = { ...this.activity, focused: false };
    this.update();
    this.host.requestUpdate();
  }

  /** A keystroke (or any change) in the box. */
  input(): void {
    const now = performance.now();
    this.activity = { ...this.activity, lastActivityAt: now, lastInputAt: now };
    this.update();
  }

  hostUpdate(): void {
    this.update();
  }

  hostDisconnected(): void {
    this.stopWatching();
  }

  /** Holds or releases the session to match what the person is doing. */
  private update(): void {
    const current = this.current();
    if (!current) {
      this.stopWatching();
      return;
    }
    const { player, position } = current;
    const writing = isWriting(this.activity, performance.now());
    if (player.writingHold !== undefined) {
      if (!writing) {
        player.releaseWritingHold();
        this.host.requestUpdate();
      }
    } else if (writing && (player.state === 'playing' || player.state === 'paused')) {
      const { prompt } = momentAt(player.currentPlan, position);
      if (prompt && prompt.writing !== null && !prompt.waits && prompt.waitsForWriting !== false) player.holdForWriting(prompt.at + prompt.duration);
    }
    // While held, nothing else redraws the screen: look again each second for the person having stopped.
    if (player.writingHold !== undefined) this.startWatching();
    else this.stopWatching();
  }

  private startWatching(): void {
    this.timer ??= setInterval(() => {
      this.update();
    }, 1000);
  }

  private stopWatching(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
