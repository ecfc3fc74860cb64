import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { matchRoute, type Route } from './routes';

/**
 * Owns the app's URL: follows back/forward, and turns clicks on same-origin links into in-app
 * navigation, so deep links work as real URLs and the page does not reload between screens;
 * except when `loadsWholePage` says so (a newer version of the app took over this window), then
 * the next screen is a page load, in that version.
 */
export class RouterController implements ReactiveController {
  route: Route = matchRoute(new URL(location.href));

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly loadsWholePage: () => boolean = () => false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
    document.addEventListener('click', this.onClick);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    document.removeEventListener('click', this.onClick);
  }

  navigate(href: string): void {
    const url = new URL(href, location.href);
    if (this.loadsWholePage()) {
      location.assign(url);
      return;
    }
    if (url.href !== location.href) history.pushState(null, '', url);
    this.update(url);
  }

  private update(url: URL): void {
    this.route = matchRoute(url);
    this.host.requestUpdate();
    window.scrollTo({ top: 0 });
  }

  private readonly onPopState = (): void => {
    if (this.loadsWholePage()) location.reload();
    else this.update(new URL(location.href));
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement);
    if (!anchor?.href || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/packs/')) return;
    event.preventDefault();
    this.navigate(url.href);
  };
}
