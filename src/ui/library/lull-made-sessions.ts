import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { describeFailure } from '../../services/data-store';
import type { MadeSession } from '../../services/made-sessions-service';
import { DataController } from '../shared/data-controller';
import { formatMinutesRange } from '../shared/format';
import { goTo } from '../shared/go-to';
import { makeHref, sessionHref } from '../shell/routes';
import { practiceArt } from './practice-art';
import { practiceLabels } from './practice-labels';

type Opening = { readonly kind: 'idle' } | { readonly kind: 'opening' } | { readonly kind: 'refused'; readonly name: string; readonly problems: readonly string[] } | { readonly kind: 'failed'; readonly message: string };

/**
 * The library's group of sessions the person made: each on a card like the built-in ones, with a
 * way to change it, and the ways to make a new one or open one someone shared. Rendered in the
 * library's own shadow root (no shadow root of its own), so the cards share the library's look.
 */
@customElement('lull-made-sessions')
export class LullMadeSessions extends LitElement {
  @state() private _sessions: readonly MadeSession[] = [];
  @state() private _opening: Opening = { kind: 'idle' };

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: () => void this._refresh(),
    changed: () => void this._refresh(),
  });

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** A click on a card that is not on one of its own links opens its session, as the built-in cards do. */
  private _onCardClick(event: MouseEvent): void {
    if (event.composedPath().some((target) => target instanceof HTMLAnchorElement) || (getSelection()?.toString() ?? '') !== '') return;
    (event.currentTarget as HTMLElement).querySelector<HTMLAnchorElement>('a.open')?.click();
  }

  private async _refresh(): Promise<void> {
    try {
      this._sessions = (await this._data.services?.madeSessions.list()) ?? [];
    } catch {
      // The built-in sessions are the library; without storage there is simply nothing made yet.
    }
  }

  /** The data services, waited for when a tap comes before they finished loading (a tap is never lost). */
  private _services() {
    return this._data.services ? Promise.resolve(this._data.services) : this._loadData();
  }

  private async _make(): Promise<void> {
    try {
      const services = await this._services();
      const session = await services.madeSessions.create();
      goTo(makeHref(session.id));
    } catch (error) {
      this._opening = { kind: 'failed', message: describeFailure(error).message };
    }
  }

  private async _open(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this._opening = { kind: 'opening' };
    try {
      const services = await this._services();
      const { importSessionFile } = await import('../../services/session-file');
      const result = await importSessionFile(services, file);
      if (!result.ok) {
        this._opening = { kind: 'refused', name: file.name, problems: result.problems };
        return;
      }
      this._opening = { kind: 'idle' };
      goTo(makeHref(result.session.id));
    } catch (error) {
      this._opening = { kind: 'failed', message: describeFailure(error).message };
    }
  }

  override render() {
    return html`<section class="group made span-4" aria-labelledby="group-made">
      <h2 id="group-made">Made by you</h2>
      <p class="meta">Your own words, timed and voiced like the others. They stay on this device and in your backup.</p>
      <ul class="cards" aria-labelledby="group-made">
        ${this._sessions.map((session) => this._renderSession(session))}
        <li class="card make">
          <div>
            <h3>Make your own session</h3>
            <p class="description">Write the words you need to hear, add breathing, taps, a bell or a question, and play it at any length.</p>
            <div class="foot make-actions">
              <button class="primary" @click=${() => void this._make()}>Make a session</button>
              <span class="file-picker">
                <input id="session-file" type="file" accept=".lull,.yaml,.yml,application/json,text/yaml" @change=${(event: Event) => void this._open(event)} />
                <label for="session-file" class="button quiet">Open a session file…</label>
              </span>
            </div>
          </div>
        </li>
      </ul>
      ${this._renderOpening()}
    </section>`;
  }

  private _renderSession(session: MadeSession) {
    return html`<li data-session=${session.id} class="card" @click=${(event: MouseEvent) => this._onCardClick(event)}>
      ${practiceArt(session.practice)}
      <div>
        <p class="kind">${practiceLabels[session.practice]} · made by you</p>
        <h3><a class="open" href=${sessionHref(session.id)} dir="auto">${session.title || 'Untitled session'}</a></h3>
        <p class="description" dir="auto">${session.description}</p>
        <div class="foot">
          <p class="meta">${formatMinutesRange(session.length.min, session.length.max)} · on this device</p>
          <a href=${makeHref(session.id)}>Change <span class="visually-hidden">${session.title}</span></a>
        </div>
      </div>
    </li>`;
  }

  private _renderOpening() {
    switch (this._opening.kind) {
      case 'idle':
        return nothing;
      case 'opening':
        return html`<p role="status">Checking the file…</p>`;
      case 'failed':
        return html`<p role="alert">${this._opening.message}</p>`;
      case 'refused':
        return html`<div role="alert" class="refused">
          <p><strong>${this._opening.name} was not opened.</strong> Nothing was kept or played. Here is what is wrong:</p>
          <ul>
            ${this._opening.problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>
        </div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-made-sessions': LullMadeSessions;
  }
}
