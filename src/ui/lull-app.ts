import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { LibraryEntry, LibraryIndex } from '../engine/pack-manifest';
import { loadLibrary } from '../services/library';
import { formatBytes, formatMinutesRange } from './format';
import { practiceLabels } from './practice-labels';

type LibraryState = { status: 'loading' } | { status: 'ready'; library: LibraryIndex } | { status: 'failed'; message: string };

/**
 * The app's root: for now, the library of built-in sessions.
 */
@customElement('lull-app')
export class LullApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 46rem;
      margin: 0 auto;
      padding: 1.5rem 1rem 3rem;
    }
    h1 {
      font-size: 2rem;
      font-weight: 600;
      margin: 0 0 0.25rem;
    }
    .tagline,
    .meta {
      color: var(--lull-muted);
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 1.5rem 0 0;
      display: grid;
      gap: 1rem;
    }
    li {
      background: var(--lull-surface);
      border: 1px solid var(--lull-border);
      border-radius: var(--lull-radius);
      padding: 1rem 1.25rem;
    }
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.25rem;
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
    [role='alert'] {
      border-left: 4px solid #a3412c;
      padding: 0.5rem 1rem;
      background: var(--lull-surface);
    }
  `;

  @state() private _library: LibraryState = { status: 'loading' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      const library = await loadLibrary(new URL('packs/index.json', document.baseURI));
      this._library = { status: 'ready', library };
    } catch (error) {
      this._library = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  override render() {
    return html`
      <header>
        <h1>Lull</h1>
        <p class="tagline">Gentle, guided time with yourself. Everything stays on this device.</p>
      </header>
      <main>${this._renderLibrary()}</main>
    `;
  }

  private _renderLibrary() {
    switch (this._library.status) {
      case 'loading':
        return html`<p aria-live="polite">Loading sessions…</p>`;
      case 'failed':
        return html`<p role="alert">${this._library.message}</p>`;
      case 'ready':
        return html`<ul aria-label="Sessions">
          ${this._library.library.sessions.map((entry) => this._renderEntry(entry))}
        </ul>`;
    }
  }

  private _renderEntry(entry: LibraryEntry) {
    return html`<li data-session=${entry.id}>
      <p class="kind">${practiceLabels[entry.practice]}</p>
      <h2>${entry.title}</h2>
      <p>${entry.description}</p>
      <p class="meta">${formatMinutesRange(entry.length.min, entry.length.max)} · ${formatBytes(entry.bytes)}</p>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-app': LullApp;
  }
}
