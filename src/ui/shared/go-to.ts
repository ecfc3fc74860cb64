/** Opens another screen of the app from code, as a click on a link to it would (the router follows). */
export function goTo(href: string): void {
  history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
