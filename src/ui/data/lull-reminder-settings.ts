import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { describeFailure } from '../../services/data-store';
import { parseTimeOfDay, type TimeOfDay } from '../../services/reminder-calendar';
import { DataController } from '../shared/data-controller';
import { offerDownload } from '../shared/data-format';
import { controlStyles, fieldStyles } from '../shared/shared-styles';

/** The calendar event the reminder file adds, named so the person can find it to remove it. */
const eventName = 'A moment for yourself';

/**
 * An optional daily reminder to check in, which the person sets themselves. The time stays on
 * the device; the reminding is done by their calendar, from a file Lull makes, because an
 * offline web app with no server cannot wake itself at a set time.
 */
@customElement('lull-reminder-settings')
export class LullReminderSettings extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 0.75rem;
        margin: 0.75rem 0;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      p {
        margin: 0.5rem 0;
      }
    `,
  ];

  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: (services) => void this._load(() => services.reminder.time()),
  });

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;
  /** The time kept on the device: `undefined` until read, `null` for none. */
  @state() private _saved: TimeOfDay | null | undefined;
  @state() private _typed = '';
  @state() private _problem: string | undefined;
  @state() private _confirmation: string | undefined;

  private async _load(read: () => Promise<TimeOfDay | null>): Promise<void> {
    try {
      this._saved = await read();
      this._typed = this._saved ?? '';
    } catch (error) {
      this._problem = describeFailure(error).message;
    }
  }

  private _onTimeInput(event: InputEvent): void {
    this._typed = (event.target as HTMLInputElement).value;
  }

  private async _onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const services = this._data.services;
    if (!services) return;
    this._confirmation = undefined;
    const parsed = parseTimeOfDay(this._typed);
    if (!parsed.ok) {
      this._problem = this._typed.trim() === '' ? 'Choose a time first: hours and minutes, like 08:30.' : parsed.message;
      return;
    }
    this._problem = undefined;
    try {
      await services.reminder.setTime(parsed.time);
      this._saved = parsed.time;
      this._confirmation = `Saved: ${parsed.time} every day. Now add it to your calendar, which will do the reminding.`;
    } catch (error) {
      this._problem = `The time was not saved: ${describeFailure(error).message}`;
    }
  }

  private _onAddToCalendar(time: TimeOfDay): void {
    const services = this._data.services;
    if (!services) return;
    const checkIn = new URL('/check-in', document.baseURI).href;
    offerDownload(services.reminder.calendarFile(time, checkIn, `lull-daily-check-in@${location.host}`));
    this._confirmation = `A calendar file is on its way. Open it to add “${eventName}” at ${time} every day.`;
  }

  private async _onTurnOff(): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    this._problem = undefined;
    try {
      await services.reminder.setTime(null);
      this._saved = null;
      this._typed = '';
      this._confirmation = `The reminder is off here. If you added it to your calendar, delete the event “${eventName}” there to stop its alerts.`;
    } catch (error) {
      this._problem = `The reminder was not turned off: ${describeFailure(error).message}`;
    }
  }

  override render() {
    const saved = this._saved;
    return html`
      <p>
        If a nudge would help, choose a time. Lull has no server and cannot send notifications by itself, so your calendar does the reminding: add the
        reminder to it, and it will gently alert you at that time each day, even offline. Skipping a day is fine.
      </p>
      ${this._data.failure ? html`<p role="alert">${this._data.failure}</p>` : nothing}
      <form class="row" @submit=${(event: SubmitEvent) => this._onSave(event)} novalidate>
        <div>
          <label for="reminder-time">Time of day</label>
          <input
            id="reminder-time"
            type="time"
            .value=${this._typed}
            aria-invalid=${this._problem ? 'true' : 'false'}
            aria-describedby=${this._problem ? 'reminder-problem' : nothing}
            @input=${(event: InputEvent) => this._onTimeInput(event)}
          />
        </div>
        <button type="submit" ?disabled=${!this._data.services}>Save time</button>
      </form>
      ${this._problem ? html`<p id="reminder-problem" role="alert">${this._problem}</p>` : nothing}
      ${saved
        ? html`<p>Your reminder: <strong>${saved}</strong> every day.</p>
            <div class="row">
              <button @click=${() => this._onAddToCalendar(saved)}>Add to my calendar</button>
              <button class="quiet" @click=${() => this._onTurnOff()}>Turn off</button>
            </div>`
        : saved === null
          ? html`<p>No reminder is set.</p>`
          : nothing}
      <p role="status">${this._confirmation ?? ''}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-reminder-settings': LullReminderSettings;
  }
}
