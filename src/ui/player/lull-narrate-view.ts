import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import type { DataServices } from '../../services/data-services';
import { describeFailure } from '../../services/data-store';
import { isDeviceReading, linesToRead, takeLimitSeconds, TakeNotHeardError } from '../../services/narration-takes';
import type { ActiveRecording, Recording } from '../../services/recording-service';
import { isMadeSessionId } from '../../services/made-sessions-service';
import { builtSessionPack, loadSessionPack } from '../../services/session-pack';
import { formatElapsed, offerDownload } from '../shared/data-format';
import { ScreenTitleEvent } from '../shared/events';
import { sessionFailure } from '../shared/messages';
import { makeHref, sessionHref } from '../shell/routes';
import { controlStyles, recorderRowStyles } from '../shared/shared-styles';
import './lull-device-voice';

interface Line {
  readonly key: string;
  readonly text: string;
}

type Status =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'open'; readonly title: string; readonly lines: readonly Line[]; readonly made: boolean };

type Microphone = { readonly kind: 'idle' } | { readonly kind: 'starting' } | { readonly kind: 'recording'; readonly active: ActiveRecording } | { readonly kind: 'saving' };

/**
 * "Read it in your own voice": a session's lines one at a time, as a prompter. Each is recorded
 * (the microphone is asked for only on Record), trimmed to its speech and kept on the device; it can
 * be heard back, recorded again, or given back to the narrator. The session then plays these takes
 * in place of the narrator's lines, on the same plan. A session the person made has no narrator of
 * its own: its lines are voiced here, by the person or by the voice on the device.
 */
@customElement('lull-narrate-view')
export class LullNarrateView extends LitElement {
  static override styles = [
    controlStyles,
    recorderRowStyles,
    css`
      :host {
        display: block;
        max-width: 40rem;
        margin: 0 auto;
      }
      h1 {
        margin: 0 0 0.35rem;
      }
      .lede {
        color: var(--lull-muted);
        margin: 0 0 1rem;
      }
      .count {
        font-weight: 600;
        margin: 0 0 0.75rem;
      }
      .prompter {
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 1rem 1.1rem;
        margin: 0 0 1rem;
      }
      .where {
        color: var(--lull-muted);
        font-size: var(--lull-size-small);
        margin: 0 0 0.5rem;
      }
      .words {
        font-size: var(--lull-size-large);
        line-height: 1.5;
        margin: 0 0 0.75rem;
      }
      .state {
        margin: 0 0 0.75rem;
        color: var(--lull-muted);
      }
      .elapsed {
        font-size: var(--lull-size-large);
      }
      .steps {
        display: flex;
        justify-content: space-between;
        gap: 0.75rem;
        margin: 0 0 1.25rem;
      }
      .record {
        min-width: 8rem;
      }
      .share h2 {
        font-size: var(--lull-size-h3);
        margin: 1.5rem 0 0.35rem;
      }
    `,
  ];

  @property({ attribute: false }) sessionId = '';
  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  @state() private _status: Status = { kind: 'loading' };
  @state() private _takes = new Map<string, Recording>();
  @state() private _index = 0;
  @state() private _microphone: Microphone = { kind: 'idle' };
  @state() private _problem: string | undefined;
  @state() private _confirmingForget = false;
  @state() private _shareNote: string | undefined;
  @state() private _shareProblems: readonly string[] = [];
  private _services: DataServices | undefined;
  private _ticker: ReturnType<typeof setInterval> | undefined;
  private _listening: { audio: HTMLAudioElement; url: string } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this._onHide);
    document.addEventListener('visibilitychange', this._onHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this._onHide);
    document.removeEventListener('visibilitychange', this._onHide);
    if (this._microphone.kind === 'recording') void this._stop();
    this._stopListening();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId')) void this._open();
  }

  private async _open(): Promise<void> {
    this._status = { kind: 'loading' };
    try {
      this._services = await this._loadData();
      const services = this._services;
      const base = new URL(document.baseURI);
      // A session the person made has no pack of its own: its lines come from its script on the device.
      const made = isMadeSessionId(this.sessionId);
      const pack = made ? await builtSessionPack(await services.madeSessions.script(this.sessionId), base) : await loadSessionPack(this.sessionId, base);
      await this._reloadTakes();
      this._status = { kind: 'open', title: pack.title, lines: linesToRead(pack), made };
      this.dispatchEvent(new ScreenTitleEvent(made ? `The voice of “${pack.title}”` : `${pack.title} in your own voice`));
    } catch (error) {
      this._status = { kind: 'failed', message: error instanceof Error && (error.name === 'SessionPackError' || error.name === 'MadeSessionProblemError') ? sessionFailure(error) : describeFailure(error).message };
    }
  }

  private async _reloadTakes(): Promise<void> {
    const takes = (await this._services?.takes.of(this.sessionId)) ?? [];
    this._takes = new Map(takes.flatMap((take) => (take.line ? [[take.line.key, take] as const] : [])));
  }

  private get _line(): Line | undefined {
    return this._status.kind === 'open' ? this._status.lines[this._index] : undefined;
  }

  private async _record(): Promise<void> {
    const line = this._line;
    if (!line || !this._services || this._microphone.kind !== 'idle') return;
    this._stopListening();
    this._problem = undefined;
    this._confirmingForget = false;
    this._microphone = { kind: 'starting' };
    try {
      const active = await this._services.recordings.start(
        { sessionId: this.sessionId, key: line.key, text: line.text },
        {
          onProblem: (message) => {
            this._problem = message;
            void this._stop();
          },
        },
      );
      this._microphone = { kind: 'recording', active };
      this._ticker = setInterval(() => {
        if (active.elapsedMs >= takeLimitSeconds * 1000) void this._stop();
        this.requestUpdate();
      }, 250);
    } catch (error) {
      this._problem = error instanceof Error ? error.message : 'The recording could not start.';
      this._microphone = { kind: 'idle' };
    }
  }

  private async _stop(): Promise<void> {
    if (this._microphone.kind !== 'recording' || !this._services) return;
    const { active } = this._microphone;
    clearInterval(this._ticker);
    this._microphone = { kind: 'saving' };
    try {
      const take = await active.stop();
      if (take) await this._services.takes.finish(take);
    } catch (error) {
      this._problem = error instanceof TakeNotHeardError ? error.message : `The take could not be kept: ${describeFailure(error).message}`;
    }
    await this._reloadTakes().catch(() => undefined);
    this._microphone = { kind: 'idle' };
  }

  private async _listen(take: Recording): Promise<void> {
    if (!this._services) return;
    this._stopListening();
    try {
      const url = URL.createObjectURL(new Blob([await this._services.takes.bytes(take)], { type: take.mimeType }));
      const audio = new Audio(url);
      this._listening = { audio, url };
      audio.addEventListener('ended', () => {
        this._stopListening();
      });
      audio.currentTime = take.shape?.start ?? 0;
      await audio.play();
      this.requestUpdate();
    } catch {
      this._stopListening();
      this._problem = 'This take could not be played here.';
    }
  }

  private _stopListening(): void {
    if (!this._listening) return;
    this._listening.audio.pause();
    URL.revokeObjectURL(this._listening.url);
    this._listening = undefined;
    this.requestUpdate();
  }

  private async _forget(line: Line): Promise<void> {
    this._stopListening();
    try {
      await this._services?.takes.forget(this.sessionId, line.key);
      await this._reloadTakes();
    } catch (error) {
      this._problem = `The take was not let go: ${describeFailure(error).message}`;
    }
    this._confirmingForget = false;
  }

  private async _share(): Promise<void> {
    if (!this._services) return;
    try {
      offerDownload(await this._services.backup.exportNarration(this.sessionId));
      this._shareNote = 'Your takes are saved as a file. Send it to the person you are reading for; they import it on this page.';
    } catch (error) {
      this._shareNote = `The file could not be made: ${describeFailure(error).message}`;
    }
  }

  private async _receive(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this._services) return;
    this._shareNote = undefined;
    this._shareProblems = [];
    const outcome = await this._services.backup.importFile(file);
    if (!outcome.ok) {
      this._shareProblems = outcome.problems;
      return;
    }
    await this._reloadTakes().catch(() => undefined);
    const added = outcome.summary.added.recordings;
    this._shareNote = added === 0 ? 'Everything in that file was here already.' : `${added === 1 ? 'One take was' : `${String(added)} takes were`} added.`;
  }

  private _move(by: number): void {
    if (this._status.kind !== 'open' || this._microphone.kind !== 'idle') return;
    this._stopListening();
    this._confirmingForget = false;
    this._problem = undefined;
    this._index = Math.min(this._status.lines.length - 1, Math.max(0, this._index + by));
  }

  private readonly _onHide = (event: Event): void => {
    if (this._microphone.kind === 'recording' && (event.type === 'pagehide' || document.visibilityState === 'hidden')) this._microphone.active.saveNow();
  };

  override render() {
    const status = this._status;
    switch (status.kind) {
      case 'loading':
        return html`<p role="status">Opening the session…</p>`;
      case 'failed':
        return html`<h1>${isMadeSessionId(this.sessionId) ? 'Give its lines a voice' : 'Your own voice'}</h1>
          <p role="alert">${status.message}</p>
          <p>
            ${isMadeSessionId(this.sessionId) ? html`<a href=${makeHref(this.sessionId)}>Open it in the maker</a> · ` : nothing}<a href="/">Back to the sessions</a>
          </p>`;
      case 'open':
        return this._renderOpen(status.title, status.lines, status.made);
    }
  }

  private _renderOpen(title: string, lines: readonly Line[], made: boolean) {
    const line = lines[this._index];
    const unvoiced = lines.flatMap((each, index) => (this._takes.has(each.key) ? [] : [{ ...each, number: index + 1 }]));
    const taken = lines.length - unvoiced.length;
    return html`
      ${made
        ? html`<h1>The voice of “${title}”</h1>
            <p class="lede">
              Give each line a voice: read it aloud yourself, slowly, the way you would speak to someone you care for, or let the voice on this device read
              it. A line with no voice shows its words on screen, in silence. Everything stays on this device.
            </p>
            <p class="count" role="status">${taken} of ${lines.length} ${lines.length === 1 ? 'line has' : 'lines have'} a voice</p>
            <lull-device-voice .sessionId=${this.sessionId} .lines=${unvoiced} @line-voiced=${() => void this._reloadTakes()}></lull-device-voice>`
        : html`<h1>${title} in your own voice</h1>
            <p class="lede">
              Read each line aloud, slowly, the way you would speak to someone you care for. The session then plays your voice in its place; the narrator reads
              any line you leave. Your takes stay on this device.
            </p>
            <p class="count" role="status">${taken} of ${lines.length} lines in your voice</p>`}
      ${line ? this._renderPrompter(line, lines.length, made) : nothing}
      <div class="steps">
        <button class="quiet" ?disabled=${this._index === 0 || this._microphone.kind !== 'idle'} @click=${() => this._move(-1)}><span aria-hidden="true">←</span> Previous line</button>
        <button class="quiet" ?disabled=${this._index >= lines.length - 1 || this._microphone.kind !== 'idle'} @click=${() => this._move(1)}>
          Next line <span aria-hidden="true">→</span>
        </button>
      </div>
      <section class="share" aria-labelledby="share-heading">
        <h2 id="share-heading">Share or receive a reading</h2>
        <p>
          Someone you trust can read this session for you: they save their takes as one file, and you import it here. A file holds only the takes of this
          session.
        </p>
        <div class="row">
          ${taken > 0 ? html`<button class="quiet" @click=${() => void this._share()}>Save my takes as a file</button>` : nothing}
          <span class="file-picker">
            <input id="reading-file" type="file" accept=".json,application/json" @change=${(event: Event) => void this._receive(event)} />
            <label for="reading-file" class="button quiet">Import a reading…</label>
          </span>
        </div>
        ${this._shareNote ? html`<p role="status">${this._shareNote}</p>` : nothing}
        ${this._shareProblems.length > 0
          ? html`<div role="alert">
              <p>Nothing was imported:</p>
              <ul>
                ${this._shareProblems.map((problem) => html`<li>${problem}</li>`)}
              </ul>
            </div>`
          : nothing}
      </section>
      <p><a href=${sessionHref(this.sessionId)}>Back to the session</a></p>
    `;
  }

  private _renderPrompter(line: Line, count: number, made: boolean) {
    const take = this._takes.get(line.key);
    const microphone = this._microphone;
    return html`<section class="prompter" aria-labelledby="line-where">
      <p class="where" id="line-where">Line ${this._index + 1} of ${count}</p>
      <p class="words">${line.text}</p>
      ${microphone.kind === 'recording'
        ? html`<div class="row">
            <span class="elapsed" role="timer" aria-label="Recording time">${formatElapsed(microphone.active.elapsedMs)}</span>
            <span role="status">Recording…</span>
            <button class="record" @click=${() => void this._stop()}>Stop</button>
          </div>`
        : microphone.kind === 'starting'
          ? html`<p role="status">Waiting for the microphone…</p>`
          : microphone.kind === 'saving'
            ? html`<p role="status">Keeping your take…</p>`
            : this._renderIdle(line, take, made)}
      ${this._problem ? html`<p role="alert">${this._problem}</p>` : nothing}
    </section>`;
  }

  private _renderIdle(line: Line, take: Recording | undefined, made: boolean) {
    if (!take) {
      return html`<p class="state">
          ${made ? 'No voice yet: its words show on screen, in silence.' : 'The narrator reads this line.'} Lull asks for the microphone only when you tap
          Record.
        </p>
        <div class="row"><button class="record" @click=${() => void this._record()}>Record</button></div>`;
    }
    const seconds = take.shape ? (take.shape.end - take.shape.start) * 1000 : take.durationMs;
    const byDevice = isDeviceReading(take);
    const letGo = made
      ? { ask: byDevice ? 'Let this line show in silence again? The reading is deleted.' : 'Let this line show in silence again? Your take is deleted.', label: 'Remove its voice' }
      : { ask: 'Let the narrator read it again? Your take is deleted.', label: 'Use the narrator' };
    return html`<p class="state">${byDevice ? 'Read by the voice on this device' : 'In your voice'} · ${formatElapsed(seconds)}</p>
      <div class="row">
        ${this._listening
          ? html`<button @click=${() => this._stopListening()}>Stop listening</button>`
          : html`<button @click=${() => void this._listen(take)}>Listen</button>`}
        <button class="record" @click=${() => void this._record()}>${byDevice ? 'Record in your voice' : 'Record again'}</button>
        ${this._confirmingForget
          ? html`<span>${letGo.ask}</span>
              <button @click=${() => void this._forget(line)}>${byDevice ? 'Delete the reading' : 'Delete my take'}</button>
              <button class="quiet" @click=${() => (this._confirmingForget = false)}>Keep it</button>`
          : html`<button class="quiet" @click=${() => (this._confirmingForget = true)}>${letGo.label}</button>`}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-narrate-view': LullNarrateView;
  }
}
