/** Every screen of the app, as its URL says it. */
export type Route =
  | { readonly view: 'library' }
  | { readonly view: 'session'; readonly id: string; readonly query: URLSearchParams }
  | { readonly view: 'narrate'; readonly id: string }
  | { readonly view: 'make'; readonly id: string }
  | { readonly view: 'journal' }
  | { readonly view: 'letters' }
  | { readonly view: 'about' }
  | { readonly view: 'break' }
  | { readonly view: 'your-data' }
  | { readonly view: 'check-ins' }
  | { readonly view: 'breathe'; readonly query: URLSearchParams }
  | { readonly view: 'not-found'; readonly path: string };

const sessionPath = /^\/session\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/u;
const makePath = /^\/make\/(made-[a-z0-9]+)\/?$/u;
const narratePath = /^\/session\/([a-z0-9]+(?:-[a-z0-9]+)*)\/narrate\/?$/u;

/** Short addresses for the practices people open most (home-screen shortcuts, links shared). */
const sessionShortcuts: Readonly<Record<string, string>> = {
  '/safe-space': 'safe-space',
  '/butterfly-hug': 'butterfly-hug',
  '/check-in': 'check-in',
  '/self-soothing': 'self-soothing',
};

/** Reads a URL into the screen it names. */
export function matchRoute(url: URL): Route {
  const path = url.pathname;
  if (path === '/' || path === '/index.html') return { view: 'library' };
  if (path === '/journal' || path === '/journal/') return { view: 'journal' };
  if (path === '/letters' || path === '/letters/') return { view: 'letters' };
  if (path === '/about' || path === '/about/') return { view: 'about' };
  if (path === '/break' || path === '/break/') return { view: 'break' };
  if (path === '/your-data' || path === '/your-data/') return { view: 'your-data' };
  if (path === '/check-ins' || path === '/check-ins/') return { view: 'check-ins' };
  if (path === '/breathe' || path === '/breathe/') return { view: 'breathe', query: url.searchParams };
  const shortcut = sessionShortcuts[path.replace(/\/$/u, '')];
  if (shortcut) return { view: 'session', id: shortcut, query: url.searchParams };
  const make = makePath.exec(path);
  if (make?.[1]) return { view: 'make', id: make[1] };
  const narrate = narratePath.exec(path);
  if (narrate?.[1]) return { view: 'narrate', id: narrate[1] };
  const session = sessionPath.exec(path);
  if (session?.[1]) return { view: 'session', id: session[1], query: url.searchParams };
  return { view: 'not-found', path };
}

export const sessionHref = (id: string): string => `/session/${id}`;
/** Where a person reads a session's lines in their own voice. */
export const narrateHref = (id: string): string => `/session/${id}/narrate`;
/** Where a person edits a session they made. */
export const makeHref = (id: string): string => `/make/${id}`;
