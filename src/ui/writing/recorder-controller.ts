import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeFailure } from '../../services/data-store';
import type { ActiveRecording, Recording, RecordingService, RecordingSlot } from '../../services/recording-service';

export type RecorderState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'recording'; readonly active: ActiveRecording }
  | { readonly kind: 'stopping' }
  | { readonly kind: 'saved'; readonly recording: Recording; readonly url: string };

/**
 * Owns one slot's recording for an element: the microphone session, the ticking clock while
 * recording, saving what is recorded when the page is hidden, and the playback URL (revoked
 * when replaced or when the element goes away).
 */
export class RecorderController implements ReactiveController {
  state: RecorderState = { kind: 'loading' };
  /** What went wrong last, in words for the person. */
  problem: string | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private service: RecordingService | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly slot: () => RecordingSlot,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.onHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.onHide);
    if (this.state.kind === 'recording') void this.stop();
    this.setState({ kind: 'loading' });
  }

  /** Uses `service` and shows what the slot holds. */
  async load(service: RecordingService): Promise<void> {
    this.service = service;
    try {
      const recording = await service.find(this.slot());
      await this.show(recording);
    } catch (error) {
      this.problem = describeFailure(error).message;
      this.setState({ kind: 'empty' });
    }
  }

  /** Forgets what was shown without reading storage (everything was just deleted). */
  clear(): void {
    this.setState({ kind: 'empty' });
  }

  async start(): Promise<void> {
    if (!this.service || this.state.kind !== 'empty') return;
    this.problem = undefined;
    this.setState({ kind: 'starting' });
    try {
      const active = await this.service.start(this.slot(), {
        onProblem: (message) => {
          this.problem = message;
          void this.stop();
        },
      });
      this.setState({ kind: 'recording', active });
      this.ticker = setInterval(() => {
        this.host.requestUpdate();
      }, 250);
    } catch (error) {
      this.problem = error instanceof Error ? error.message : 'The recording could not start.';
      this.setState({ kind: 'empty' });
    }
  }

  async stop(): Promise<void> {
    if (this.state.kind !== 'recording') return;
    const { active } = this.state;
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.setState({ kind: 'stopping' });
    try {
      await this.show(await active.stop());
    } catch (error) {
      this.problem = `The recording could not be finished: ${describeFailure(error).message}`;
      if (this.service) await this.load(this.service);
    }
  }

  async delete(): Promise<void> {
    if (!this.service || this.state.kind !== 'saved') return;
    try {
      await this.service.delete(this.state.recording.id);
      this.problem = undefined;
      this.setState({ kind: 'empty' });
    } catch (error) {
      this.problem = `The recording was not deleted: ${describeFailure(error).message}`;
      this.host.requestUpdate();
    }
  }

  private async show(recording: Recording | undefined): Promise<void> {
    if (!recording || !this.service) {
      this.setState({ kind: 'empty' });
      return;
    }
    const url = URL.createObjectURL(await this.service.audio(recording));
    this.setState({ kind: 'saved', recording, url });
  }

  private setState(state: RecorderState): void {
    if (this.state.kind === 'saved' && (state.kind !== 'saved' || state.url !== this.state.url)) URL.revokeObjectURL(this.state.url);
    if (state.kind !== 'recording') {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
    this.state = state;
    this.host.requestUpdate();
  }

  private readonly onHide = (event: Event): void => {
    if (this.state.kind === 'recording' && (event.type === 'pagehide' || document.visibilityState === 'hidden')) this.state.active.saveNow();
  };
}
