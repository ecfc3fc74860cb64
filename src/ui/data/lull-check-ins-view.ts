import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CheckIn, Mood } from '../../services/check-in-service';
import type { SessionRun } from '../../services/continuity-service';
import { libraryUrl, loadLibrary } from '../../services/library';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { describeFailure } from '../../services/data-store';
import { DataController } from '../shared/data-controller';
import { moodWords } from '../shared/messages';
import { formatMoment } from '../shared/data-format';
import './lull-reminder-settings';
import { controlStyles } from '../shared/shared-styles';

type History =
  | { status: 'loading' }
  | { status: 'ready'; checkIns: readonly CheckIn[]; finished: readonly SessionRun[]; titles: ReadonlyMap<string, string> }
  | { status: 'failed'; message: string };

/** Sessions' titles by id, for the history; without the library (offline, first visit) a run shows as "A session". */
async function sessionTitles(): Promise<ReadonlyMap<string, string>> {
  try {
    return new Map((await loadLibrary(libraryUrl())).sessions.map((entry) => [entry.id, entry.title]));
  } catch {
    return new Map();
  }
}

const isMood = (mood: number | null): mood is Mood => mood !== null && mood in moodWords;
const moodWord = (mood: number | null): string => (isMood(mood) ? moodWords[mood] : 'not answered');

/**
 * The gentle history of check-ins: how the person felt before and after, newest first. No
 * streaks, no counts of days: coming back whenever it helps is enough.
 */
@customElement('lull-check-ins-view')
export class LullCheckInsView extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        margin: 0 0 0.5rem;
      }
      ol {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 0.75rem 1rem;
      }
      .moods {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        margin: 0.25rem 0 0;
      }
      time {
        color: var(--lull-muted);
      }
      .finished {
        margin: 0 0 0.2rem;
      }
      h2 {
        margin: 1.5rem 0 0.5rem;
      }
    `,
  ];

  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: () => void this._refresh(),
    changed: () => void this._refresh(),
  });

  @state() private _history: History = { status: 'loading' };

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  private async _refresh(): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    try {
      const [checkIns, finished, titles] = await Promise.all([services.checkIns.list(), services.continuity.finished(), sessionTitles()]);
      this._history = { status: 'ready', checkIns, finished, titles };
    } catch (error) {
      this._history = { status: 'failed', message: describeFailure(error).message };
    }
  }

  override render() {
    return html`<h1>Check-ins</h1>
      <p>How you felt before and after your sessions. There is no streak to keep: come back whenever it helps.</p>
      <p><a class="button" href="/check-in">Check in now</a></p>
      <section aria-labelledby="reminder-heading">
        <h2 id="reminder-heading">A daily reminder, if you like</h2>
        <lull-reminder-settings></lull-reminder-settings>
      </section>
      <section aria-labelledby="finished-heading">
        <h2 id="finished-heading">Sessions you finished</h2>
        ${this._renderFinished()}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">How you felt</h2>
        ${this._renderHistory()}
      </section>`;
  }

  /** The sessions played to their end, newest first, with the moods given before and after. */
  private _renderFinished() {
    if (this._history.status !== 'ready') return nothing;
    const { finished, titles } = this._history;
    if (finished.length === 0) return html`<p>Sessions you play to the end will appear here, with how you felt if you said.</p>`;
    return html`<ol aria-label="Sessions you finished">
      ${finished.map(
        (run) => html`<li>
          <p class="finished"><strong>${titles.get(run.sessionId) ?? 'A session'}</strong> · ${String(run.lengthMinutes)} min</p>
          <time datetime=${new Date(run.endedAt ?? run.startedAt).toISOString()}>${formatMoment(run.endedAt ?? run.startedAt)}</time>
          ${run.moodBefore === null && run.moodAfter === null
            ? nothing
            : html`<p class="moods"><span>Before: <strong>${moodWord(run.moodBefore)}</strong></span><span>After: <strong>${moodWord(run.moodAfter)}</strong></span></p>`}
        </li>`,
      )}
    </ol>`;
  }

  private _renderHistory() {
    if (this._data.failure) return html`<p role="alert">${this._data.failure}</p>`;
    switch (this._history.status) {
      case 'loading':
        return html`<p>Loading…</p>`;
      case 'failed':
        return html`<p role="alert">${this._history.message}</p>`;
      case 'ready':
        return this._history.checkIns.length === 0
          ? html`<p>Nothing here yet. After a session you can note how you feel, and it will appear here.</p>`
          : html`<ol aria-label="Your check-ins">
              ${this._history.checkIns.map(
                (checkIn) => html`<li>
                  <time datetime=${new Date(checkIn.at).toISOString()}>${formatMoment(checkIn.at)}</time>
                  <p class="moods"><span>Before: <strong>${moodWord(checkIn.moodBefore)}</strong></span><span>After: <strong>${moodWord(checkIn.moodAfter)}</strong></span></p>
                  ${checkIn.feeling ? html`<p dir="auto">${checkIn.feeling}</p>` : nothing}
                  ${checkIn.need ? html`<p dir="auto">${checkIn.need}</p>` : nothing}
                </li>`,
              )}
            </ol>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-check-ins-view': LullCheckInsView;
  }
}
