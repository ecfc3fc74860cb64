import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { describeFailure } from '../../services/data-store';
import type { DeviceNarrator } from '../../services/device-narrator';
import { deviceNarratorContext, loadDeviceNarrator, type DeviceNarratorLoader } from '../../services/device-narrator-context';
import { formatBytes } from '../shared/format';
import { controlStyles, panelStyles, recorderRowStyles } from '../shared/shared-styles';

/** A line of the session that has no voice yet. */
export interface UnvoicedLine {
  readonly key: string;
  readonly text: string;
  /** Where it is in the session, from 1, as the prompter counts. */
  readonly number: number;
}

/** Problems with one line only: reading goes on with the next line. */
const lineProblems = new Set(['cannot-read', 'line-too-long', 'empty-line', 'nothing-to-say', 'not-english']);

const isLineProblem = (error: unknown): error is Error =>
  error instanceof Error && ((error.name === 'DeviceNarratorError' && lineProblems.has((error as Error & { code: string }).code)) || error.name === 'TakeNotHeardError');

/** "Line 3", "Lines 3 and 5", "Lines 2, 4 and 7". */
function linesNamed(numbers: readonly number[]): string {
  const named = numbers.map(String);
  if (named.length === 1) return `Line ${named[0] ?? ''}`;
  return `Lines ${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
}

type Voice =
  | { readonly kind: 'checking' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'downloading'; readonly fraction: number; readonly cancel: AbortController }
  | { readonly kind: 'ready' }
  | { readonly kind: 'reading'; readonly done: number; readonly count: number; readonly stopping: boolean };

/** Fired each time the voice on the device has read a line and it is kept as the line's take. */
export class LineVoicedEvent extends Event {
  constructor() {
    super('line-voiced', { bubbles: true, composed: true });
  }
}

/**
 * The voice on the device for a session the person made: says its size before the one download,
 * shows the download, then reads every line that has no voice yet and keeps each as its take.
 */
@customElement('lull-device-voice')
export class LullDeviceVoice extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    recorderRowStyles,
    css`
      :host {
        display: block;
        margin: 0 0 1rem;
      }
      h2 {
        font-size: var(--lull-size-h3);
        margin: 0 0 0.35rem;
      }
      p {
        margin: 0 0 0.75rem;
      }
      progress {
        flex: 1 1 10rem;
        max-width: 16rem;
        height: 0.75rem;
      }
      .amount {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) sessionId = '';
  /** The lines still without a voice, in the session's order. */
  @property({ attribute: false }) lines: readonly UnvoicedLine[] = [];

  @consume({ context: deviceNarratorContext }) private _loadNarrator: DeviceNarratorLoader = loadDeviceNarrator;
  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  @state() private _voice: Voice = { kind: 'checking' };
  @state() private _problem: string | undefined;
  /** What the last reading came to, once it is over. */
  @state() private _outcome: string | undefined;
  /** Why the voice did not read a line, by the line's key: not offered again until its words change. */
  @state() private _unreadable = new Map<string, string>();
  private _narrator: DeviceNarrator | undefined;
  private _downloadBytes = 0;
  /** Which reading is going on; Stop (or leaving the screen) moves it on, so the line being read is kept and reading stops. */
  private _reading = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._reading += 1;
    if (this._voice.kind === 'downloading') this._voice.cancel.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId')) this._problem = undefined;
  }

  private async _check(): Promise<void> {
    try {
      this._narrator = await this._loadNarrator();
      this._downloadBytes = this._narrator.downloadBytes;
      this._voice = (await this._narrator.isKept()) ? { kind: 'ready' } : { kind: 'absent' };
    } catch (error) {
      this._voice = { kind: 'absent' };
      this._problem = `The voice on this device is not available here: ${describeFailure(error).message}`;
    }
  }

  private async _download(): Promise<void> {
    const narrator = this._narrator;
    if (!narrator) return;
    const cancel = new AbortController();
    this._problem = undefined;
    this._voice = { kind: 'downloading', fraction: 0, cancel };
    try {
      await narrator.prepare((fraction) => {
        if (this._voice.kind === 'downloading') this._voice = { ...this._voice, fraction };
      }, cancel.signal);
      this._voice = { kind: 'ready' };
    } catch (error) {
      this._voice = { kind: 'absent' };
      this._problem = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Reads the lines without a voice one by one, keeping each as it is read. A line the voice cannot
   * read is named at the end and the others are read all the same; a line given a voice meanwhile
   * (recorded here or in another window) keeps it.
   */
  private async _readAll(): Promise<void> {
    const narrator = this._narrator;
    const lines = this._readable();
    if (!narrator || lines.length === 0 || this._voice.kind !== 'ready') return;
    this._problem = undefined;
    this._outcome = undefined;
    const reading = (this._reading += 1);
    const unreadable = new Map(this._unreadable);
    let done = 0;
    this._voice = { kind: 'reading', done, count: lines.length, stopping: false };
    try {
      const services = await this._loadData();
      for (const line of lines) {
        if (reading !== this._reading) break;
        try {
          const spoken = await narrator.speak(line.text);
          await services.takes.keepReading({ sessionId: this.sessionId, key: line.key, text: line.text }, spoken.wav);
          this.dispatchEvent(new LineVoicedEvent());
        } catch (error) {
          if (!isLineProblem(error)) throw error;
          unreadable.set(line.key, error.message);
        }
        done += 1;
        this._progress(done);
      }
      if (done < lines.length) this._outcome = `Stopped after ${done === 1 ? 'one line' : `${String(done)} lines`}.`;
    } catch (error) {
      this._problem = error instanceof Error && error.name === 'DeviceNarratorError' ? error.message : `Reading stopped: ${describeFailure(error).message}`;
    }
    this._unreadable = unreadable;
    this._voice = { kind: 'ready' };
  }

  /** The lines without a voice that the voice has not already failed to read. */
  private _readable(): UnvoicedLine[] {
    return this.lines.filter((line) => !this._unreadable.has(line.key));
  }

  /** The lines the voice could not read, grouped by why, each group named by line numbers. */
  private _renderUnread() {
    const byReason = new Map<string, number[]>();
    for (const line of this.lines) {
      const reason = this._unreadable.get(line.key);
      if (reason !== undefined) byReason.set(reason, [...(byReason.get(reason) ?? []), line.number]);
    }
    if (byReason.size === 0) return nothing;
    return html`<div role="alert">
      <p>The voice did not read every line:</p>
      <ul>
        ${[...byReason].map(([reason, numbers]) => html`<li>${linesNamed(numbers)}: ${reason}</li>`)}
      </ul>
    </div>`;
  }

  private _progress(done: number): void {
    if (this._voice.kind === 'reading') this._voice = { ...this._voice, done };
  }

  private _stop(): void {
    this._reading += 1;
    if (this._voice.kind === 'reading') this._voice = { ...this._voice, stopping: true };
  }

  override render() {
    return html`<section class="panel" aria-labelledby="device-voice-title">
      <h2 id="device-voice-title">The voice on this device</h2>
      ${this._renderVoice()} ${this._outcome ? html`<p role="status">${this._outcome}</p>` : nothing}
      ${this._renderUnread()} ${this._problem ? html`<p role="alert">${this._problem}</p>` : nothing}
    </section>`;
  }

  private _renderVoice() {
    const voice = this._voice;
    const size = formatBytes(this._downloadBytes);
    switch (voice.kind) {
      case 'checking':
        return html`<p>Looking for the voice on this device…</p>`;
      case 'absent':
        return html`<p>
            A man’s voice, the same as in the other sessions, can read the lines you do not record yourself. It runs on this device: it is downloaded once
            (${size}) and then reads even offline.
          </p>
          <button @click=${() => void this._download()}>Download the voice (${size})</button>`;
      case 'downloading':
        return html`<div class="row">
          <progress aria-label="Downloading the voice" max="1" .value=${voice.fraction}></progress>
          <span class="amount" role="status">${Math.round(voice.fraction * 100)}% of ${size}</span>
          <button class="quiet" @click=${() => voice.cancel.abort()}>Cancel <span class="visually-hidden">the download</span></button>
        </div>`;
      case 'ready':
      {
        if (this.lines.length === 0) return html`<p>Every line has a voice. For the device to read a line again, remove its voice first (below, on that line).</p>`;
        const readable = this._readable().length;
        if (readable === 0) return html`<p>The lines still without a voice are ones it cannot read: record them in your own voice, or change their words in the maker.</p>`;
        return html`<p>
            It can read ${readable === 1 ? 'one line that has' : `${String(readable)} lines that have`} no voice yet. You can still record any line in your own
            voice afterwards.
          </p>
          <button @click=${() => void this._readAll()}>${readable === 1 ? 'Read the line' : `Read the ${String(readable)} lines`}</button>`;
      }
      case 'reading':
        return html`<div class="row">
          <span role="status">${voice.stopping ? 'Stopping after this line…' : `Reading line ${String(Math.min(voice.done + 1, voice.count))} of ${String(voice.count)}…`}</span>
          <button class="quiet" ?disabled=${voice.stopping} @click=${() => this._stop()}>Stop <span class="visually-hidden">reading</span></button>
        </div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-device-voice': LullDeviceVoice;
  }
  interface HTMLElementEventMap {
    'line-voiced': LineVoicedEvent;
  }
}
