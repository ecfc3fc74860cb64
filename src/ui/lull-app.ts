import { provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { appUpdate } from '../services/app-update';
import { dataContext, loadDataServices, type DataServicesLoader } from '../services/data-context';
import { RouterController } from './router-controller';
import type { Route } from './routes';
import { controlStyles } from './shared-styles';
import './lull-install-button';
import './lull-keep-words-notice';
import './lull-library';
import './lull-update-banner';

/** Screens other than the library load their code only when opened. */
const lazyViews: Partial<Record<Route['view'], () => Promise<unknown>>> = {
  session: () => import('./lull-session-view'),
  journal: () => import('./lull-journal-view'),
  letters: () => import('./lull-letters-view'),
  about: () => import('./lull-about-view'),
  break: () => import('./lull-break-view'),
  'check-ins': () => import('./lull-check-ins-view'),
  'your-data': () => import('./lull-your-data-view'),
  breathe: () => import('./lull-breathe-view'),
};

/**
 * The app's root: header, navigation, and the screen the URL names.
 */
@customElement('lull-app')
export class LullApp extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        max-width: 46rem;
        margin: 0 auto;
        padding: 1rem 1rem 3rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-bottom: 1.25rem;
      }
      /* The brand's row is as tall as a button, so the install button appearing (when the browser
         offers it) shifts nothing; on a phone the navigation has its own row for the same reason. */
      .brand {
        min-height: 44px;
        display: inline-flex;
        align-items: center;
        font-size: 1.75rem;
        font-weight: 600;
        color: var(--lull-text);
        text-decoration: none;
      }
      nav {
        margin-left: auto;
      }
      @media (max-width: 40rem) {
        nav {
          flex-basis: 100%;
        }
      }
      .tagline {
        margin: 0;
        color: var(--lull-muted);
        flex-basis: 100%;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        white-space: nowrap;
        padding: 0.6rem 0.25rem;
      }
      nav a[aria-current='page'] {
        font-weight: 600;
      }
      /* The way out is never hidden among the other links: it looks like the button it is. */
      nav a.break {
        padding: 0.6rem 1rem;
        border: 1px solid var(--lull-accent);
        border-radius: 999px;
        text-decoration: none;
      }
      main:focus {
        outline: none;
      }
    `,
  ];

  /** After another window applied an update, the next screen loads whole, in the new version. */
  private readonly _router = new RouterController(this, () => appUpdate.reloadsOnNavigation);
  /** How screens reach the person's data (see `dataContext`); loaded on first use. */
  @provide({ context: dataContext }) dataServices: DataServicesLoader = loadDataServices;

  @query('main') private _main!: HTMLElement;

  private _shownRoute: Route | undefined;

  override willUpdate(): void {
    void lazyViews[this._router.route.view]?.();
  }

  override updated(): void {
    // After an in-app navigation (not the first load), keyboard and screen-reader users start at the new screen.
    const route = this._router.route;
    if (this._shownRoute && this._shownRoute !== route) this._main.focus();
    this._shownRoute = route;
  }

  override render() {
    const { view } = this._router.route;
    return html`
      <header>
        <a class="brand" href="/">Lull</a>
        <lull-install-button></lull-install-button>
        <nav aria-label="Main">
          <ul>
            <li><a href="/" aria-current=${view === 'library' ? 'page' : 'false'}>Sessions</a></li>
            <li><a href="/breathe" aria-current=${view === 'breathe' ? 'page' : 'false'}>Breathe</a></li>
            <li><a href="/journal" aria-current=${view === 'journal' ? 'page' : 'false'}>Journal</a></li>
            <li><a href="/letters" aria-current=${view === 'letters' ? 'page' : 'false'}>Letters</a></li>
            <li><a href="/check-ins" aria-current=${view === 'check-ins' ? 'page' : 'false'}>Check-ins</a></li>
            <li><a href="/your-data" aria-current=${view === 'your-data' ? 'page' : 'false'}>Your data</a></li>
            <li><a href="/about" aria-current=${view === 'about' ? 'page' : 'false'}>About</a></li>
            <li><a class="break" href="/break" aria-current=${view === 'break' ? 'page' : 'false'}>I need a break</a></li>
          </ul>
        </nav>
        <p class="tagline">Gentle, guided time with yourself. Everything stays on this device.</p>
      </header>
      <lull-update-banner></lull-update-banner>
      <lull-keep-words-notice></lull-keep-words-notice>
      <main tabindex="-1">${this._renderView()}</main>
    `;
  }

  private _renderView() {
    const route = this._router.route;
    switch (route.view) {
      case 'library':
        return html`<lull-library></lull-library>`;
      case 'session':
        return html`<lull-session-view .sessionId=${route.id} .query=${route.query}></lull-session-view>`;
      case 'journal':
        return html`<lull-journal-view></lull-journal-view>`;
      case 'letters':
        return html`<lull-letters-view></lull-letters-view>`;
      case 'about':
        return html`<lull-about-view></lull-about-view>`;
      case 'break':
        return html`<lull-break-view></lull-break-view>`;
      case 'check-ins':
        return html`<lull-check-ins-view></lull-check-ins-view>`;
      case 'your-data':
        return html`<lull-your-data-view></lull-your-data-view>`;
      case 'breathe':
        return html`<lull-breathe-view .query=${route.query}></lull-breathe-view>`;
      case 'not-found':
        return html`<h1>Nothing here</h1>
          <p>There is no page at ${route.path}. <a href="/">Go to the sessions</a>.</p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-app': LullApp;
  }
}
