import type { WritingStore } from '../storage/writings';

/** A journal entry or letter that another window saved (now at `revision`) or deleted. */
export type WritingChange =
  | { readonly type: 'writing-saved'; readonly store: WritingStore; readonly id: string; readonly revision: number }
  | { readonly type: 'writing-deleted'; readonly store: WritingStore; readonly id: string };

/** What one window tells the others about the person's data. */
export type DataMessage = WritingChange | { readonly type: 'imported' } | { readonly type: 'deleted' };

const writingStores: readonly string[] = ['journal', 'letters'] satisfies readonly WritingStore[];
const isWritingStore = (value: unknown): value is WritingStore => typeof value === 'string' && writingStores.includes(value);

/** Reads a message from another window; anything else (another build's message, a stray one) is ignored. */
export function readDataMessage(value: unknown): DataMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // Every field is read as unknown and checked below.
  const { type, store, id, revision } = value as { type?: unknown; store?: unknown; id?: unknown; revision?: unknown };
  switch (type) {
    case 'imported':
    case 'deleted':
      return { type };
    case 'writing-deleted':
      return isWritingStore(store) && typeof id === 'string' ? { type, store, id } : undefined;
    case 'writing-saved':
      return isWritingStore(store) && typeof id === 'string' && typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0 ? { type, store, id, revision } : undefined;
    default:
      return undefined;
  }
}

type Listener = (message: DataMessage) => void;

/**
 * The windows of one database tell each other what they changed (BroadcastChannel). The channel
 * is open only while this window listens, so a page or test that only writes leaves nothing open.
 */
export class DataChannel {
  private channel: BroadcastChannel | undefined;
  private listener: Listener | undefined;

  constructor(private readonly name: string) {}

  /** Tells every other window; this one does not hear its own messages. */
  post(message: DataMessage): void {
    this.open()?.postMessage(message);
    if (!this.listener) this.shut();
  }

  /** Calls `listener` (the one listener) for each message from another window; returns the function that stops it. */
  listen(listener: Listener): () => void {
    this.listener = listener;
    this.open();
    return () => {
      if (this.listener !== listener) return;
      this.listener = undefined;
      this.shut();
    };
  }

  private open(): BroadcastChannel | undefined {
    if (this.channel || typeof BroadcastChannel === 'undefined') return this.channel;
    const channel = new BroadcastChannel(this.name);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = readDataMessage(event.data);
      if (message) this.listener?.(message);
    };
    this.channel = channel;
    return channel;
  }

  private shut(): void {
    this.channel?.close();
    this.channel = undefined;
  }
}
