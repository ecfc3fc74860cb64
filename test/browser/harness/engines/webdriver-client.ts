/**
 * W3C WebDriver names an element reference `element-6066-11e4-a52f-4d5ff0a5ea7b`; WebKitWebDriver
 * (2.50) sends it as `element-6066-11e4-a52e-4f735466cecf`. Either is accepted.
 */
/** The Enter key in WebDriver's key codes. */
const enterKey = '\uE007';

const isElementKey = (key: string): boolean => key.startsWith('element-6066-11e4-');

interface WebDriverReply {
  readonly value: unknown;
}

/**
 * The few W3C WebDriver (classic) commands the WebKit tests use, over Node's own fetch: a new
 * session, navigation, scripts, element clicks and keys, window size and the session's end.
 */
export class WebDriverSession {
  private constructor(
    private readonly base: string,
    readonly id: string,
  ) {}

  static async create(server: string, capabilities: Record<string, unknown>): Promise<WebDriverSession> {
    const value = await command(`${server}/session`, 'POST', { capabilities: { alwaysMatch: capabilities } });
    const id = (value as { sessionId?: unknown }).sessionId;
    if (typeof id !== 'string') throw new Error('WebDriver created no session.');
    return new WebDriverSession(server, id);
  }

  navigate(url: string): Promise<unknown> {
    return this.send('POST', '/url', { url });
  }

  refresh(): Promise<unknown> {
    return this.send('POST', '/refresh', {});
  }

  setWindowSize(width: number, height: number): Promise<unknown> {
    return this.send('POST', '/window/rect', { width, height });
  }

  /** Runs `body` as the body of an async function and returns what it resolves to. */
  async execute(body: string): Promise<unknown> {
    const script = `const done = arguments[arguments.length - 1];
Promise.resolve().then(async () => { ${body} }).then((value) => done({ value }), (error) => done({ error: String(error && error.stack ? error.message + '\\n' + error.stack : error) }));`;
    const result = (await this.send('POST', '/execute/async', { script, args: [] })) as { value?: unknown; error?: string } | null;
    if (result?.error !== undefined) throw new Error(`The page threw: ${result.error}`);
    return result?.value ?? null;
  }

  /** The reference of the element a page-side expression gives. */
  async element(expression: string): Promise<string> {
    const reference = (await this.send('POST', '/execute/sync', { script: `return ${expression};`, args: [] })) as Record<string, unknown> | null;
    const id = Object.entries(reference ?? {}).find(([key]) => isElementKey(key))?.[1];
    if (typeof id !== 'string') throw new Error(`webkit: ${expression.slice(-80)} is not an element.`);
    return id;
  }

  click(element: string): Promise<unknown> {
    return this.send('POST', `/element/${element}/click`, {});
  }

  /** A real mouse click (WebDriver actions) at a point of the viewport. */
  async clickAt(x: number, y: number): Promise<void> {
    const pointer = {
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ],
    };
    await this.send('POST', '/actions', { actions: [pointer] });
  }

  /** Opens a new tab and switches to it, so it is in front. */
  async newTab(): Promise<void> {
    const { handle } = (await this.send('POST', '/window/new', { type: 'tab' })) as { handle: string };
    await this.send('POST', '/window', { handle });
  }

  /** Types `text`; a line break is sent as the Enter key, which WebKitWebDriver needs (it drops "\n"). */
  sendKeys(element: string, text: string): Promise<unknown> {
    return this.send('POST', `/element/${element}/value`, { text: text.replaceAll('\n', enterKey) });
  }

  async delete(): Promise<void> {
    await this.send('DELETE', '', undefined);
  }

  private send(method: 'POST' | 'DELETE', path: string, body: unknown): Promise<unknown> {
    return command(`${this.base}/session/${this.id}${path}`, method, body);
  }
}

async function command(url: string, method: 'POST' | 'DELETE', body: unknown): Promise<unknown> {
  const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const reply = (await response.json()) as WebDriverReply;
  if (!response.ok) {
    const { error, message } = (reply.value ?? {}) as { error?: string; message?: string };
    throw new Error(`WebDriver ${method} ${new URL(url).pathname}: ${error ?? String(response.status)}: ${message ?? ''}`);
  }
  return reply.value;
}

/** Waits until a WebDriver server at `server` answers its status. */
export async function untilWebDriverReady(server: string, timeoutMs: number): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    try {
      const reply = (await (await fetch(`${server}/status`)).json()) as { value?: { ready?: boolean } };
      if (reply.value?.ready !== false) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => {
      setTimeout(resolve, 100);
    });
  }
  throw new Error(`The WebDriver server at ${server} did not answer within ${String(timeoutMs / 1000)} s.`);
}
