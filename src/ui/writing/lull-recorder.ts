import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { slotNamed, type RecordingSlot } from '../../services/recording-service';
import { DataController } from '../shared/data-controller';
import { formatElapsed } from '../shared/data-format';
import { RecorderController } from './recorder-controller';
import { controlStyles, recorderRowStyles } from '../shared/shared-styles';

/**
 * Records the person's own voice into one slot (the microphone is asked for only when they tap
 * Record), shows the time while recording, plays the recording back and deletes it.
 */
@customElement('lull-recorder')
export class LullRecorder extends LitElement {
  static override styles = [
    controlStyles,
    recorderRowStyles,
    css`
      :host {
        display: block;
        background: var(--lull-surface);
        border: 1px solid var(--lull-border);
        border-radius: var(--lull-radius);
        padding: 0.75rem 1rem;
      }
      h3 {
        font-size: 1.05rem;
        margin: 0 0 0.5rem;
      }
      p {
        margin: 0.25rem 0 0.5rem;
      }
      .elapsed {
        font-size: 1.25rem;
      }
      audio {
        width: 100%;
        max-width: 24rem;
      }
    `,
  ];

  private readonly _recorder = new RecorderController(this, () => this._slot);
  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: (services) => void this._recorder.load(services.recordings),
    changed: (change) => {
      if (change === 'deleted') this._recorder.clear();
      else if (this._data.services) void this._recorder.load(this._data.services.recordings);
    },
  });

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  @state() private _confirmingDelete = false;

  /** Which recording this is (the slot a session plays it from). */
  @property({ attribute: 'slot-name' }) slotName = 'letter';
  /** The recording's name as the person reads it. */
  @property() label = 'Your recording';

  private get _slot(): RecordingSlot {
    return slotNamed(this.slotName);
  }

  private _onRecord(): void {
    void this._recorder.start();
  }

  private _onStop(): void {
    void this._recorder.stop();
  }

  private async _onConfirmDelete(): Promise<void> {
    await this._recorder.delete();
    this._confirmingDelete = false;
  }

  override render() {
    return html`
      <h3>${this.label}</h3>
      ${this._renderState()} ${this._recorder.problem ? html`<p role="alert">${this._recorder.problem}</p>` : nothing}
      ${this._data.failure ? html`<p role="alert">${this._data.failure}</p>` : nothing}
    `;
  }

  private _renderState() {
    const state = this._recorder.state;
    switch (state.kind) {
      case 'loading':
        return html`<p role="status">Looking for your recording…</p>`;
      case 'empty':
        return html`<p>Nothing recorded yet. Lull asks for the microphone only when you tap Record.</p>
          <button @click=${() => this._onRecord()}>Record</button>`;
      case 'starting':
        return html`<p role="status">Waiting for the microphone…</p>`;
      case 'recording':
        return html`<div class="row">
          <span class="elapsed" role="timer" aria-label="Recording time">${formatElapsed(state.active.elapsedMs)}</span>
          <span role="status">Recording — saved as you go.</span>
          <button @click=${() => this._onStop()}>Stop</button>
        </div>`;
      case 'stopping':
        return html`<p role="status">Saving the recording…</p>`;
      case 'saved':
        return html`${state.recording.complete
            ? html`<p>Saved · ${formatElapsed(state.recording.durationMs)}</p>`
            : html`<p>This recording was cut off when the page closed. It is kept up to its last saved moment (${formatElapsed(state.recording.durationMs)}).</p>`}
          <div class="row">
            <audio controls preload="metadata" src=${state.url} aria-label=${`Play ${this.label}`}></audio>
            ${this._confirmingDelete
              ? html`<span>Delete this recording? It cannot be brought back.</span>
                  <button @click=${() => this._onConfirmDelete()}>Delete recording</button>
                  <button class="quiet" @click=${() => (this._confirmingDelete = false)}>Keep it</button>`
              : html`<button class="quiet" @click=${() => (this._confirmingDelete = true)}>Delete</button>`}
          </div>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-recorder': LullRecorder;
  }
}
