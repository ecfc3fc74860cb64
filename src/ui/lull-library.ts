import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { LibraryEntry, LibraryIndex } from '../engine/pack-manifest';
import { libraryUrl, loadLibrary } from '../services/library';
import { offlineLibrary } from '../services/offline-library';
import { formatBytes, formatMinutesRange } from './format';
import { groupByNeed, type LibraryGroup } from './library-groups';
import { practiceLabels } from './practice-labels';
import { sessionHref } from './routes';
import { controlStyles } from './shared-styles';
import './lull-offline-panel';
import './lull-session-download';

type LibraryState = { status: 'loading' } | { status: 'ready'; library: LibraryIndex } | { status: 'failed'; message: string };

/**
 * The list of sessions, each with its length range, download size and offline controls, and
 * "Download everything" below it.
 */
@customElement('lull-library')
export class LullLibrary extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 1rem 0 0;
        display: grid;
        gap: 1rem;
      }
      .groups {
        gap: 2rem;
      }
      li.session {
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 1rem 1.25rem;
      }
      h2 {
        font-size: 1.3rem;
        margin: 0;
      }
      h3 {
        font-size: 1.2rem;
        margin: 0 0 0.25rem;
      }
      h3 a {
        color: inherit;
        text-decoration: none;
      }
      h3 a:hover {
        text-decoration: underline;
      }
      p {
        margin: 0.25rem 0;
      }
      .kind {
        font-size: 0.875rem;
        font-weight: 600;
        color: var(--lull-accent);
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .meta {
        color: var(--lull-muted);
      }
    `,
  ];

  @state() private _library: LibraryState = { status: 'loading' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      const url = libraryUrl();
      const library = await loadLibrary(url);
      this._library = { status: 'ready', library };
      void offlineLibrary.attach(library, url);
    } catch (error) {
      this._library = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  override render() {
    return html`<h1>Sessions</h1>
      ${this._renderLibrary()}`;
  }

  private _renderLibrary() {
    switch (this._library.status) {
      case 'loading':
        return html`<p aria-live="polite">Loading sessions…</p>`;
      case 'failed':
        return html`<p role="alert">${this._library.message}</p>`;
      case 'ready':
        return html`<ul aria-label="Sessions" class="groups">
            ${groupByNeed(this._library.library.sessions).map((group) => this._renderGroup(group))}
          </ul>
          <lull-offline-panel></lull-offline-panel>`;
    }
  }

  private _renderGroup(group: LibraryGroup) {
    return html`<li class="group">
      <h2 id=${`group-${group.id}`}>${group.title}</h2>
      <p class="meta">${group.description}</p>
      <ul aria-labelledby=${`group-${group.id}`}>
        ${group.id === 'breathe' ? this._renderPacer() : nothing}
        ${group.entries.map((entry) => this._renderEntry(entry))}
      </ul>
    </li>`;
  }

  private _renderPacer() {
    return html`<li class="session">
      <p class="kind">Breathing pacer</p>
      <h3><a href="/breathe">Breathe with a pattern</a></h3>
      <p>Long exhale, box, 4-7-8, resonance, or your own; for minutes or a number of breaths; with a soft voice, a tone or in silence.</p>
    </li>`;
  }

  private _renderEntry(entry: LibraryEntry) {
    return html`<li data-session=${entry.id} class="session">
      <p class="kind">${practiceLabels[entry.practice]}</p>
      <h3><a href=${sessionHref(entry.id)}>${entry.title}</a></h3>
      <p>${entry.description}</p>
      <p class="meta">${formatMinutesRange(entry.length.min, entry.length.max)} · ${formatBytes(entry.bytes)}</p>
      <lull-session-download .entry=${entry}></lull-session-download>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-library': LullLibrary;
  }
}
