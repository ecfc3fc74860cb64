/** The three browser engines the app is tested in: Chrome's, Firefox's and Safari's. */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

export type Role =
  | 'alert'
  | 'button'
  | 'checkbox'
  | 'combobox'
  | 'group'
  | 'heading'
  | 'link'
  | 'list'
  | 'listitem'
  | 'radio'
  | 'slider'
  | 'status'
  | 'textbox';

/** Text to match: a string matches the whole (whitespace-collapsed) text, a RegExp tests it. */
export type TextMatch = string | RegExp;

/**
 * An element to find, looked up in the page and inside every shadow root, visible elements only.
 * `within` narrows the search to the inside of the elements a CSS selector names (e.g. a custom
 * element); `text` keeps only elements whose text matches.
 */
export type Target =
  | { readonly role: Role; readonly name?: TextMatch; readonly text?: TextMatch; readonly within?: string }
  | { readonly label: string; readonly within?: string }
  | { readonly css: string; readonly text?: TextMatch; readonly within?: string };

/** One open page of the app, in a fresh profile of its own. */
export interface EnginePage {
  readonly engine: EngineName;
  /** Opens `path` (or a full URL) and waits for the page's load event. */
  goto(path: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the page with `arg` (JSON values only) and returns its (JSON) result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Runs `fn` on the first element `target` finds (it waits for one) and returns its result. */
  evaluateOn<R, A = undefined>(target: Target, fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** How many elements `target` finds now. */
  count(target: Target): Promise<number>;
  /** A real click (the engine's own input, a user gesture) on the first element found; waits for one. */
  click(target: Target): Promise<void>;
  /** Clicks into the first element found and types `text` with real key presses. */
  type(target: Target, text: string): Promise<void>;
  /** The rendered text of the first element found; waits for one. */
  text(target: Target): Promise<string>;
  /**
   * Page errors, console errors and CSP violations so far. WebDriver (WebKit) has no console
   * events: there they are watched from the page's load event on.
   */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /**
   * One page open at `url`, with nothing kept from earlier pages of its origin: Chromium and
   * Firefox give each page a fresh profile; WebKit keeps one MiniBrowser, so its callers give each
   * page an origin of its own (as the engine suite does).
   */
  open(url: string): Promise<EnginePage>;
  /** Closes the browser and everything it needed (display, sound server). */
  stop(): Promise<void>;
}
