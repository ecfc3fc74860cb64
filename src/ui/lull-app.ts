import { css, html, LitElement } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { RouterController } from './router-controller';
import type { Route } from './routes';
import { controlStyles } from './shared-styles';
import './lull-library';

/** Screens other than the library load their code only when opened. */
const lazyViews: Partial<Record<Route['view'], () => Promise<unknown>>> = {
  session: () => import('./lull-session-view'),
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
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        margin-bottom: 1.25rem;
      }
      .brand {
        font-size: 1.75rem;
        font-weight: 600;
        color: var(--lull-text);
        text-decoration: none;
      }
      .tagline {
        margin: 0;
        color: var(--lull-muted);
        flex-basis: 100%;
      }
      nav ul {
        display: flex;
        gap: 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: 0.6rem 0.25rem;
      }
      nav a[aria-current='page'] {
        font-weight: 600;
      }
      main:focus {
        outline: none;
      }
    `,
  ];

  private readonly _router = new RouterController(this);

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
        <nav aria-label="Main">
          <ul>
            <li><a href="/" aria-current=${view === 'library' ? 'page' : 'false'}>Sessions</a></li>
          </ul>
        </nav>
        <p class="tagline">Gentle, guided time with yourself. Everything stays on this device.</p>
      </header>
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
