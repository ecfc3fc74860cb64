import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { dataContext, loadDataServices, type DataServicesLoader } from '../../services/data-context';
import { describeFailure } from '../../services/data-store';
import { callHref, checkContact, supportContactLimits, type ContactProblems, type SupportContact } from '../../services/support-contacts-service';
import { DataController } from '../shared/data-controller';
import { controlStyles, fieldStyles, keptListStyles } from '../shared/shared-styles';

/**
 * The person's own support contacts: people they chose to reach out to, with a tap to call.
 * Kept only on this device.
 */
@customElement('lull-support-contacts')
export class LullSupportContacts extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    keptListStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: grid;
        gap: 0.5rem;
      }
      .who {
        flex: 1 1 12rem;
      }
      form {
        display: grid;
        gap: 0.5rem;
        margin-top: 0.75rem;
      }
      .field-problem {
        color: var(--lull-danger, #a3412c);
        margin: 0;
      }
    `,
  ];

  private readonly _data = new DataController(this, {
    loader: () => this._loadData,
    ready: () => void this._refresh(),
    changed: () => void this._refresh(),
  });

  @state() private _contacts: readonly SupportContact[] | undefined;
  @state() private _problems: ContactProblems = {};
  @state() private _failure: string | undefined;

  @consume({ context: dataContext }) private _loadData: DataServicesLoader = loadDataServices;

  private async _refresh(): Promise<void> {
    const services = this._data.services;
    if (!services) return;
    try {
      this._contacts = await services.contacts.list();
    } catch (error) {
      this._failure = describeFailure(error).message;
    }
  }

  private async _onAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    this._problems = checkContact(field('name'), field('phone'), field('note'));
    const services = this._data.services;
    if (Object.keys(this._problems).length > 0 || !services) return;
    try {
      await services.contacts.add(field('name'), field('phone'), field('note'));
      this._failure = undefined;
      form.reset();
      await this._refresh();
    } catch (error) {
      // The form keeps what was typed; only the message is new.
      this._failure = describeFailure(error).message;
    }
  }

  private async _onRemove(contact: SupportContact): Promise<void> {
    if (!confirm(`Remove ${contact.name} from your support contacts?`)) return;
    try {
      await this._data.services?.contacts.remove(contact.id);
      await this._refresh();
    } catch (error) {
      this._failure = describeFailure(error).message;
    }
  }

  override render() {
    return html`
      ${this._failure ? html`<p role="alert">${this._failure}</p>` : nothing}
      ${this._renderList()}
      <form @submit=${(event: SubmitEvent) => void this._onAdd(event)} novalidate>
        <label for="contact-name">Name</label>
        <input id="contact-name" name="name" autocomplete="name" maxlength=${supportContactLimits.name} aria-invalid=${this._problems.name ? 'true' : 'false'} aria-describedby="contact-name-problem" />
        <p id="contact-name-problem" class="field-problem">${this._problems.name ?? ''}</p>
        <label for="contact-phone">Phone number (optional)</label>
        <input id="contact-phone" name="phone" type="tel" autocomplete="tel" maxlength=${supportContactLimits.phone} aria-invalid=${this._problems.phone ? 'true' : 'false'} aria-describedby="contact-phone-problem" />
        <p id="contact-phone-problem" class="field-problem">${this._problems.phone ?? ''}</p>
        <label for="contact-note">Note (optional), for example “my sister, evenings are best”</label>
        <input id="contact-note" name="note" maxlength=${supportContactLimits.note} aria-describedby="contact-note-problem" />
        <p id="contact-note-problem" class="field-problem">${this._problems.note ?? ''}</p>
        <div><button type="submit">Add contact</button></div>
      </form>
    `;
  }

  private _renderList() {
    if (this._data.failure) return html`<p role="alert">${this._data.failure}</p>`;
    if (!this._contacts) return html`<p>Loading your contacts…</p>`;
    if (this._contacts.length === 0) return html`<p>No contacts yet. You can add someone you trust: a friend, a family member, your therapist.</p>`;
    const rows = this._contacts.map((contact) => ({ contact, call: callHref(contact.phone) }));
    return html`<ul aria-label="Your support contacts">
      ${rows.map(
        ({ contact, call }) => html`<li>
          <span class="who"
            ><strong dir="auto">${contact.name}</strong>${contact.note ? html`<span class="muted" dir="auto">${contact.note}</span>` : nothing}</span
          >
          ${call ? html`<a class="button" href=${call}>Call ${contact.name}</a>` : nothing}
          <button class="quiet" @click=${() => void this._onRemove(contact)}>Remove <span class="visually-hidden">${contact.name}</span></button>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lull-support-contacts': LullSupportContacts;
  }
}
