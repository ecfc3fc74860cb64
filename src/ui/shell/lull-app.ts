import { provide } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { appUpdate } from '../../services/app-update';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { deviceNarratorContext, loadDeviceNarrator, type DeviceNarratorLoader } from '../../services/device-narrator-context';
import { NowPlaying, nowPlayingContext, type PlayingSession } from '../../services/now-playing';
import { BreakRequestEvent, type ImmersiveChangeEvent, type ScreenTitleEvent } from '../shared/events';
import { RouterController } from './router-controller';
import type { Route } from './routes';
import { screenNames, tabTitle } from './screen-names';
import { controlStyles } from '../shared/shared-styles';
import './lull-keep-words-notice';
import '../library/lull-library';
import './lull-update-banner';

/** Screens other than the library load their code only when opened. */
const lazyViews: Partial<Record<Route['view'], () => Promise<unknown>>> = {
  session: () => import('../player/lull-session-view'),
  narrate: () => import('../player/lull-narrate-view'),
  make: () => import('../maker/lull-maker-view'),
  journal: () => import('../writing/lull-journal-view'),
  letters: () => import('../writing/lull-letters-view'),
  about: () => import('./lull-about-view'),
  break: () => import('../break/lull-break-view'),
  'check-ins': () => import('../data/lull-check-ins-view'),
  'your-data': () => import('../data/lull-your-data-view'),
  breathe: () => import('../pacer/lull-breathe-view'),
};

/** The links of the main menu, in order. */
const menu: readonly { readonly href: string; readonly view: Route['view']; readonly label: string }[] = [
  { href: '/', view: 'library', label: 'Sessions' },
  { href: '/breathe', view: 'breathe', label: 'Breathe' },
  { href: '/journal', view: 'journal', label: 'Journal' },
  { href: '/letters', view: 'letters', label: 'Letters' },
  { href: '/check-ins', view: 'check-ins', label: 'Check-ins' },
  { href: '/your-data', view: 'your-data', label: 'Your data' },
  { href: '/about', view: 'about', label: 'About' },
];

/** Whether `route` is the screen of the session kept playing, or the break, which shows the way back itself. */
function shownOn(route: Route, playing: PlayingSession): boolean {
  if (route.view === 'break') return true;
  if (route.view === 'breathe') return playing.key === 'breathe';
  return route.view === 'session' && route.id === playing.key;
}

/** Lull's mark: two soft circles, one inside the other. */
const brandMark = html`<svg class="mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
  <circle cx="16" cy="16" r="14" class="outer"></circle>
  <circle cx="16" cy="16" r="7.5" class="inner"></circle>
</svg>`;

/** Three short lines: the menu's button on a phone. */
const menuIcon = html`<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" stroke-width="2" stroke-linecap="round"></path></svg>`;

/**
 * The app's root: a header with the menu and "I need a break" (folded into one quiet bar while a
 * session plays), and the screen the URL names. The tab's title names the screen.
 */
@customElement('lull-app')
export class LullApp extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        max-width: 84rem;
        margin: 0 auto;
        padding: 0 1rem 3rem;
      }
      /* Room at the end of the page for the now-playing bar, so it never covers the last line. */
      :host([playing-on]) {
        padding-bottom: 6.5rem;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 60px;
        margin-bottom: 0.75rem;
      }
      header.quiet {
        min-height: 52px;
        margin-bottom: 0.25rem;
      }
      .brand {
        min-height: 44px;
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        font-size: 1.4rem;
        font-weight: 650;
        letter-spacing: -0.01em;
        color: var(--lull-text);
        text-decoration: none;
      }
      .mark .outer {
        fill: var(--lull-accent-soft);
      }
      .mark .inner {
        fill: var(--lull-accent);
      }
      nav {
        flex: 1;
        min-width: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: 0.5rem 0.75rem;
      }
      header.quiet nav {
        justify-content: space-between;
      }
      nav ul {
        display: none;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav ul.open {
        display: grid;
        order: 3;
        flex-basis: 100%;
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 0.25rem 0;
      }
      nav ul.open a {
        display: block;
        padding: 0.7rem 1.25rem;
        text-decoration: none;
        color: var(--lull-text);
      }
      nav ul.open a[aria-current='page'] {
        color: var(--lull-accent);
      }
      nav a[aria-current='page'] {
        font-weight: 650;
      }
      .back {
        display: inline-flex;
        align-items: center;
        gap: 0.35rem;
        min-height: 44px;
        padding: 0 0.25rem;
        color: var(--lull-muted);
        text-decoration: none;
      }
      /* The way out is never hidden among the other links: it looks like the button it is. */
      a.break {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        box-sizing: border-box;
        padding: 0 0.9rem;
        white-space: nowrap;
        border: 1px solid var(--lull-accent);
        border-radius: 999px;
        text-decoration: none;
        background: var(--lull-surface);
      }
      .menu {
        order: 2;
        width: 44px;
        padding: 0;
      }
      /* On a wide screen the menu is a row of links, and needs no button. */
      @media (min-width: 56rem) {
        nav ul,
        nav ul.open {
          display: flex;
          order: 0;
          flex-basis: auto;
          gap: 0 1.1rem;
          background: none;
          border: none;
          padding: 0;
          margin-right: 0.5rem;
        }
        nav ul a,
        nav ul.open a {
          display: inline-block;
          padding: 0.6rem 0.15rem;
          color: var(--lull-text);
          text-decoration: none;
        }
        nav ul a:hover {
          text-decoration: underline;
        }
        nav ul a[aria-current='page'],
        nav ul.open a[aria-current='page'] {
          color: var(--lull-accent);
          box-shadow: inset 0 -2px 0 var(--lull-accent);
        }
        .menu {
          display: none;
        }
      }
      main:focus {
        outline: none;
      }
      /* The library uses the whole width; every other screen keeps to a line length that reads well. */
      main > :not(lull-library),
      lull-update-banner,
      lull-keep-words-notice {
        max-width: 46rem;
        margin-inline: auto;
      }
    `,
  ];

  /** After another window applied an update, the next screen loads whole, in the new version. */
  private readonly _router = new RouterController(this, () => appUpdate.reloadsOnNavigation);
  /** How screens reach the person's data (see `dataContext`); loaded on first use. */
  @provide({ context: dataContext }) dataServices: DataServicesLoader = loadDataServices;
  /** How screens reach the voice on the device (see `deviceNarratorContext`); loaded on first use. */
  @provide({ context: deviceNarratorContext }) deviceNarrator: DeviceNarratorLoader = loadDeviceNarrator;
  /** The session that plays on while the person moves between screens (see `NowPlaying`). */
  @provide({ context: nowPlayingContext }) nowPlaying = new NowPlaying();

  @query('main') private _main!: HTMLElement;
  @query('.menu') private _menuButton?: HTMLButtonElement;

  /** A session plays: the header is one quiet bar. */
  @state() private _immersive = false;
  @state() private _menuOpen = false;
  /** The name the screen gave itself (a session's title), if it did. */
  @state() private _screenName: string | undefined;

  private _shownRoute: Route | undefined;
  private _routeSeen: Route | undefined;
  private _stopHearing: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._stopHearing = this.nowPlaying.subscribe(() => {
      if (this.nowPlaying.current) void import('../player/lull-now-playing');
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopHearing?.();
    this._stopHearing = undefined;
  }

  override willUpdate(): void {
    const route = this._router.route;
    if (route !== this._routeSeen) {
      // A new screen starts with the full header, its own name and the menu closed.
      this._routeSeen = route;
      this._immersive = false;
      this._menuOpen = false;
      this._screenName = undefined;
    }
    void lazyViews[route.view]?.();
  }

  override updated(): void {
    // After an in-app navigation (not the first load), keyboard and screen-reader users start at the new screen.
    const route = this._router.route;
    if (this._shownRoute && this._shownRoute !== route) this._main.focus();
    this._shownRoute = route;
    document.title = tabTitle(this._screenName ?? screenNames[route.view]);
    const playing = this.nowPlaying.current;
    this.toggleAttribute('playing-on', playing !== undefined && !shownOn(route, playing));
  }

  private _onImmersive(event: ImmersiveChangeEvent): void {
    this._immersive = event.immersive;
    if (event.immersive) this._menuOpen = false;
  }

  private _onScreenTitle(event: ScreenTitleEvent): void {
    this._screenName = event.title;
  }

  /** The screen that plays fades out before the break opens (the router then moves to it). */
  private _onBreak(): void {
    this.nowPlaying.takeBreak();
    for (const view of this._main.children) view.dispatchEvent(new BreakRequestEvent());
  }

  private _onMenu(): void {
    this._menuOpen = !this._menuOpen;
  }

  private _onMenuKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this._menuOpen) return;
    this._menuOpen = false;
    this._menuButton?.focus();
  }

  override render() {
    const { view } = this._router.route;
    return html`
      <header class=${this._immersive ? 'quiet' : ''}>
        ${this._immersive ? nothing : html`<a class="brand" href="/">${brandMark}Lull</a>`}
        <nav aria-label="Main" @keydown=${(event: KeyboardEvent) => this._onMenuKey(event)}>
          ${this._immersive
            ? html`<a class="back" href="/"><span aria-hidden="true">←</span> Sessions</a>`
            : html`<button class="menu quiet" aria-expanded=${this._menuOpen ? 'true' : 'false'} aria-controls="menu" @click=${() => this._onMenu()}>
                  ${menuIcon}<span class="visually-hidden">Menu</span>
                </button>
                <ul id="menu" class=${this._menuOpen ? 'open' : ''}>
                  ${menu.map((item) => html`<li><a href=${item.href} aria-current=${view === item.view ? 'page' : 'false'}>${item.label}</a></li>`)}
                </ul>`}
          <a class="break" href="/break" aria-current=${view === 'break' ? 'page' : 'false'} @click=${() => this._onBreak()}>I need a break</a>
        </nav>
      </header>
      <lull-update-banner></lull-update-banner>
      <lull-keep-words-notice></lull-keep-words-notice>
      <main tabindex="-1" @lull-immersive-change=${(event: ImmersiveChangeEvent) => this._onImmersive(event)} @lull-screen-title=${(event: ScreenTitleEvent) => this._onScreenTitle(event)}>
        ${this._renderView()}
      </main>
      ${this._renderNowPlaying()}
    `;
  }

  /** On every other screen, the session that plays on: back to it, pause or stop (not on its own screen, nor on the break's, which offers the way back). */
  private _renderNowPlaying() {
    const playing = this.nowPlaying.current;
    return playing && !shownOn(this._router.route, playing) ? html`<lull-now-playing .session=${playing} .nowPlaying=${this.nowPlaying}></lull-now-playing>` : nothing;
  }

  private _renderView() {
    const route = this._router.route;
    switch (route.view) {
      case 'library':
        return html`<lull-library></lull-library>`;
      case 'session':
        return html`<lull-session-view .sessionId=${route.id} .query=${route.query}></lull-session-view>`;
      case 'narrate':
        return html`<lull-narrate-view .sessionId=${route.id}></lull-narrate-view>`;
      case 'make':
        return html`<lull-maker-view .sessionId=${route.id}></lull-maker-view>`;
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
