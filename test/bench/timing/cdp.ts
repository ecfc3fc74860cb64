import WebSocket from 'ws';

interface CdpMessage {
  readonly id?: number;
  readonly method?: string;
  readonly params?: unknown;
  readonly sessionId?: string;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

/**
 * A minimal Chrome DevTools protocol client over the `ws` package (Node 20 has no WebSocket):
 * commands to the browser or, with a session id, to one attached page (flat sessions).
 */
export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.receive(JSON.parse(data.toString()) as CdpMessage);
    });
    socket.on('close', () => {
      for (const { reject, method } of this.pending.values()) reject(new Error(`The browser closed the DevTools connection during ${method}.`));
      this.pending.clear();
    });
  }

  static async connect(url: string): Promise<CdpConnection> {
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => {
        resolve();
      });
      socket.once('error', reject);
    });
    return new CdpConnection(socket);
  }

  /** Sends a command; `Result` is the shape the protocol documents for it. */
  send<Result>(method: string, params: object = {}, sessionId?: string): Promise<Result> {
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => { resolve(value as Result); }, reject, method });
      this.socket.send(JSON.stringify(sessionId === undefined ? { id, method, params } : { id, method, params, sessionId }));
    });
  }

  close(): void {
    this.socket.close();
  }

  private receive(message: CdpMessage): void {
    if (message.id === undefined) return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
    else waiting.resolve(message.result);
  }
}

interface EvaluateResult {
  readonly result: { readonly value?: unknown };
  readonly exceptionDetails?: { readonly text: string; readonly exception?: { readonly description?: string } };
}

/** One page (tab) attached with a flat session. */
export class CdpPage {
  constructor(
    readonly connection: CdpConnection,
    readonly sessionId: string,
    readonly targetId: string,
  ) {}

  send<Result>(method: string, params: object = {}): Promise<Result> {
    return this.connection.send<Result>(method, params, this.sessionId);
  }

  /** Evaluates `expression` in the page and returns its value (awaited, by value); page errors throw. */
  async evaluate<Value>(expression: string, options: { userGesture?: boolean } = {}): Promise<Value> {
    const reply = await this.send<EvaluateResult>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true, userGesture: options.userGesture ?? false });
    if (reply.exceptionDetails) throw new Error(`In the page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value as Value;
  }
}

/** Attaches to the first tab of a freshly started browser. */
export async function attachFirstPage(connection: CdpConnection): Promise<CdpPage> {
  const { targetInfos } = await connection.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
  const page = targetInfos.find((target) => target.type === 'page');
  const targetId = page?.targetId ?? (await connection.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })).targetId;
  const { sessionId } = await connection.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  return new CdpPage(connection, sessionId, targetId);
}
