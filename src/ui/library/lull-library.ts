import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { LibraryEntry, LibraryIndex } from '../../engine/pack-manifest';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { libraryUrl, loadLibrary } from '../../services/library';
import { nowPlayingContext, type NowPlaying } from '../../services/now-playing';
import type { ResumeOffer } from '../../services/session-memory';
import { offlineLibrary } from '../../services/offline-library';
import { formatBytes, formatClock, formatMinutesRange } from '../shared/format';
import { groupByNeed, withFavouritesFirst, type LibraryGroup } from './library-groups';
import { libraryFailure } from '../shared/messages';
import { NowPlayingController } from '../player/now-playing-controller';
import { practiceArt, practiceArtStyles } from './practice-art';
import { practiceLabels } from './practice-labels';
import { sessionHref } from '../shell/routes';
import { controlStyles } from '../shared/shared-styles';
import '../shell/lull-install-button';
import './lull-offline-panel';
import './lull-session-download';
import './lull-made-sessions';

type LibraryState = { status: 'loading' } | { status: 'ready'; library: LibraryIndex } | { status: 'failed'; message: string };

/** The gentle first session a first visit is pointed to. */
const firstSession = 'breathe-long-exhale';

/** The person's own places beside the sessions. */
const tools: readonly { readonly href: string; readonly label: string; readonly hint: string }[] = [
  { href: '/journal', label: 'Journal', hint: 'Your own words, kept on this device' },
  { href: '/letters', label: 'Letters', hint: 'To the child you once were' },
  { href: '/check-ins', label: 'Check-ins', hint: 'How you have been feeling' },
  { href: '/breathe', label: 'Breathing pacer', hint: 'Any pattern, for as long as you like' },
];

/** A click on a card that is not on one of its own controls opens the card's session. */
function isOwnControl(path: readonly EventTarget[]): boolean {
  return path.some(
    (target) =>
      target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || target instanceof HTMLInputElement || (target instanceof HTMLElement && target.localName === 'lull-session-download'),
  );
}

/**
 * The place to arrive: a welcome with a clear place to start, the sessions grouped by need, each
 * on a card with its own picture, its length and whether it is kept offline (the whole card opens
 * it), and, beside them on a wide screen, the person's journal, letters, check-ins and tools.
 */
@customElement('lull-library')
export class LullLibrary extends LitElement {
  static override styles = [
    controlStyles,
    practiceArtStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0.25rem 0;
      }
      .welcome {
        display: grid;
        gap: 1rem;
        margin-bottom: 1.75rem;
      }
      .tagline {
        color: var(--lull-muted);
        margin: 0;
      }
      .start-here {
        display: grid;
        grid-template-columns: 6.5rem 1fr;
        align-items: center;
        gap: 1rem;
        padding: 0.75rem;
        background: var(--lull-accent-soft);
        border: 1px solid var(--lull-accent);
        border-radius: var(--lull-radius);
        color: var(--lull-text);
        text-decoration: none;
        max-width: 36rem;
      }
      .start-here:hover {
        border-width: 2px;
        padding: calc(0.75rem - 1px);
      }
      .eyebrow {
        display: block;
        font-size: var(--lull-size-small);
        font-weight: 650;
        color: var(--lull-accent);
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
      .start-title {
        display: block;
        font-size: var(--lull-size-h3);
        font-weight: 650;
      }
      .start-meta {
        display: block;
        color: var(--lull-muted);
      }
      .layout {
        display: grid;
        gap: 2rem;
      }
      @media (min-width: 64rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr) 17rem;
          align-items: start;
        }
        aside {
          position: sticky;
          top: 1rem;
        }
        /* The needs sit side by side, each as wide as its cards, four cards to a row. */
        .groups {
          grid-template-columns: repeat(4, minmax(0, 1fr));
          gap: 2rem 1rem;
        }
        .group.span-2 {
          grid-column: span 2;
        }
        .group.span-3 {
          grid-column: span 3;
        }
        .group.span-4 {
          grid-column: span 4;
        }
        .group .cards {
          grid-template-columns: repeat(var(--columns, 1), minmax(0, 1fr));
        }
        .group.span-2 .cards {
          --columns: 2;
        }
        .group.span-3 .cards {
          --columns: 3;
        }
        .group.span-4 .cards {
          --columns: 4;
        }
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .groups {
        display: grid;
        gap: 2rem;
      }
      .group h2 {
        margin: 0;
      }
      .cards {
        display: grid;
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
      .card {
        display: grid;
        grid-template-columns: 5.5rem 1fr;
        gap: 0.9rem;
        align-items: start;
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 0.75rem;
        cursor: pointer;
      }
      .card:hover {
        border-color: var(--lull-accent);
      }
      .card .art {
        aspect-ratio: 1;
      }
      @media (min-width: 40rem) {
        .cards {
          grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
          gap: 1rem;
        }
        .card {
          grid-template-columns: 1fr;
          grid-template-rows: auto 1fr;
          gap: 0.6rem;
        }
        .card .art {
          aspect-ratio: 12 / 5;
        }
      }
      .card h3 {
        margin: 0;
      }
      .card h3 a {
        color: inherit;
        text-decoration: none;
      }
      .card:hover h3 a {
        text-decoration: underline;
      }
      .kind {
        font-size: var(--lull-size-small);
        font-weight: 650;
        color: var(--lull-accent);
        margin: 0;
      }
      .description {
        color: var(--lull-text);
      }
      .meta {
        color: var(--lull-muted);
        font-size: var(--lull-size-small);
        font-variant-numeric: tabular-nums;
      }
      .foot {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0 0.75rem;
        min-height: 44px;
      }
      lull-session-download {
        cursor: auto;
        margin: 0;
      }
      .made {
        margin-top: 2rem;
      }
      .card.make {
        grid-template-columns: 1fr;
        cursor: auto;
        border-style: dashed;
      }
      .make-actions {
        justify-content: flex-start;
        gap: 0.5rem;
      }
      .refused {
        margin-top: 0.75rem;
        padding: 0.75rem 1rem;
        border: 1px solid var(--lull-danger, #a3412c);
        border-radius: var(--lull-radius);
      }
      .refused ul {
        list-style: disc;
        padding-left: 1.25rem;
      }
      aside {
        display: grid;
        gap: 1rem;
      }
      aside h2 {
        margin: 0;
      }
      .tools {
        display: grid;
        gap: 0.5rem;
      }
      .tools a {
        display: block;
        padding: 0.7rem 1rem;
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        color: var(--lull-text);
        text-decoration: none;
        font-weight: 600;
      }
      .tools a:hover {
        border-color: var(--lull-accent);
      }
      .tools .hint {
        display: block;
        font-weight: 400;
        font-size: var(--lull-size-small);
        color: var(--lull-muted);
      }
    `,
  ];

  /** A session let go from the now-playing bar may leave a place to continue. */
  private readonly _playing = new NowPlayingController(
    this,
    () => this._nowPlaying,
    () => {
      const key = this._playing.current?.key;
      if (key === undefined || key !== this._playingKey) void this._loadMemory();
    },
  );

  @state() private _library: LibraryState = { status: 'loading' };
  /** Sessions left unfinished in the last day, the most recent first. */
  @state() private _offers: readonly ResumeOffer[] = [];
  @state() private _favourites: readonly string[] = [];

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @consume({ context: nowPlayingContext }) private _nowPlaying: NowPlaying | undefined;
  /** The session playing when the offers were read: the one playing is not offered to continue. */
  private _playingKey: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
    void this._loadMemory();
  }

  /** What the person left unfinished and marked as favourite; without it, the library is as on a first visit. */
  private async _loadMemory(): Promise<void> {
    try {
      this._playingKey = this._playing.current?.key;
      const { continuity } = await this._loadData();
      const [offers, preferences] = await Promise.all([continuity.openOffers(), continuity.preferences()]);
      this._offers = offers;
      this._favourites = preferences.favouriteSessions;
    } catch {
      // See above.
    }
  }

  private async _load(): Promise<void> {
    try {
      const url = libraryUrl();
      const library = await loadLibrary(url);
      this._library = { status: 'ready', library };
      void offlineLibrary.attach(library, url);
    } catch (error) {
      this._library = { status: 'failed', message: libraryFailure(error) };
    }
  }

  private _onCardClick(event: MouseEvent): void {
    if (isOwnControl(event.composedPath()) || (getSelection()?.toString() ?? '') !== '') return;
    (event.currentTarget as HTMLElement).querySelector<HTMLAnchorElement>('a.open')?.click();
  }

  override render() {
    const library = this._library.status === 'ready' ? this._library.library : undefined;
    const first = library?.sessions.find((entry) => entry.id === firstSession) ?? library?.sessions[0];
    const offer = this._offers.find((candidate) => candidate.sessionId !== this._playing.current?.key);
    const unfinished = offer && library?.sessions.find((entry) => entry.id === offer.sessionId);
    return html`<section class="welcome" aria-labelledby="sessions-heading">
        <div>
          <h1 id="sessions-heading">Sessions</h1>
          <p class="tagline">Gentle, guided time with yourself. Everything stays on this device.</p>
        </div>
        ${offer && unfinished ? this._renderContinue(offer, unfinished) : first ? this._renderStartHere(first) : nothing}
      </section>
      <div class="layout">
        <div>${this._renderLibrary()}</div>
        <aside aria-labelledby="space-heading">
          <h2 id="space-heading">Your space</h2>
          <ul class="tools">
            ${tools.map((tool) => html`<li><a href=${tool.href}>${tool.label}<span class="hint">${tool.hint}</span></a></li>`)}
          </ul>
          <lull-install-button></lull-install-button>
          ${library ? html`<lull-offline-panel></lull-offline-panel>` : nothing}
        </aside>
      </div>`;
  }

  /** The session left unfinished most recently: one tap continues it as it was. */
  private _renderContinue(offer: ResumeOffer, entry: LibraryEntry) {
    return html`<a class="start-here" href=${`${sessionHref(entry.id)}?continue`}>
      ${practiceArt(entry.practice)}
      <span>
        <span class="eyebrow">Pick up where you left off</span>
        <span class="start-title">${entry.title}</span>
        <span class="start-meta">Continue from ${formatClock(offer.position)} · ${String(offer.minutes)}&nbsp;min</span>
      </span>
    </a>`;
  }

  private _renderStartHere(entry: LibraryEntry) {
    return html`<a class="start-here" href=${sessionHref(entry.id)}>
      ${practiceArt(entry.practice)}
      <span>
        <span class="eyebrow">Start here</span>
        <span class="start-title">${entry.title}</span>
        <span class="start-meta">${String(entry.length.default)} minutes, gentle and short: a good first session.</span>
      </span>
    </a>`;
  }

  private _renderLibrary() {
    switch (this._library.status) {
      case 'loading':
        return html`<p aria-live="polite">Loading sessions…</p>`;
      case 'failed':
        return html`<p role="alert">${this._library.message}</p>`;
      case 'ready':
        return html`<ul aria-label="Sessions" class="groups">
          ${withFavouritesFirst(groupByNeed(this._library.library.sessions), this._favourites).map((group) => this._renderGroup(group))}
        </ul>
          <lull-made-sessions></lull-made-sessions>`;
    }
  }

  private _renderGroup(group: LibraryGroup) {
    const cards = group.entries.length + (group.id === 'breathe' ? 1 : 0);
    return html`<li class=${`group span-${String(Math.min(4, cards))}`}>
      <h2 id=${`group-${group.id}`}>${group.title}</h2>
      <p class="meta">${group.description}</p>
      <ul class="cards" aria-labelledby=${`group-${group.id}`}>
        ${group.id === 'breathe' ? this._renderPacer() : nothing} ${group.entries.map((entry) => this._renderEntry(entry))}
      </ul>
    </li>`;
  }

  private _renderPacer() {
    return html`<li class="card" @click=${(event: MouseEvent) => this._onCardClick(event)}>
      ${practiceArt('pacer')}
      <div>
        <p class="kind">Breathing pacer</p>
        <h3><a class="open" href="/breathe">Breathe with a pattern</a></h3>
        <p class="description">Long exhale, box, 4-7-8, resonance, or your own; for minutes or a number of breaths.</p>
        <div class="foot"><p class="meta">1–60 min · always ready offline</p></div>
      </div>
    </li>`;
  }

  private _renderEntry(entry: LibraryEntry) {
    return html`<li data-session=${entry.id} class="card" @click=${(event: MouseEvent) => this._onCardClick(event)}>
      ${practiceArt(entry.practice)}
      <div>
        <p class="kind">${practiceLabels[entry.practice]}</p>
        <h3><a class="open" href=${sessionHref(entry.id)}>${entry.title}</a></h3>
        <p class="description">${entry.description}</p>
        <div class="foot">
          <p class="meta">${formatMinutesRange(entry.length.min, entry.length.max)} · ${formatBytes(entry.bytes)}</p>
          <lull-session-download .entry=${entry}></lull-session-download>
        </div>
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-library': LullLibrary;
  }
}
