import { isContactName, isContactNote, isPhone, supportContactLimits } from '../storage/contact-rules';
import { deleteSupportContact, listSupportContacts, putSupportContact } from '../storage/support-contacts';
import type { SupportContact } from '../storage/schema';
import type { DataStore } from './data-store';

export type { SupportContact };
export { supportContactLimits };

/** What is wrong with a contact before it is saved, per field, in words a person reads. */
export type ContactProblems = Partial<Record<'name' | 'phone' | 'note', string>>;

/** Checks a contact as typed, by the rules imports and stored contacts follow too. */
export function checkContact(name: string, phone: string, note: string): ContactProblems {
  const problems: ContactProblems = {};
  if (name.trim() === '') problems.name = 'Add a name, so you know who this is.';
  else if (!isContactName(name.trim())) problems.name = `Keep the name to ${String(supportContactLimits.name)} characters.`;
  if (phone.trim().length > supportContactLimits.phone) problems.phone = `Keep the number to ${String(supportContactLimits.phone)} characters.`;
  else if (!isPhone(phone.trim())) problems.phone = 'Use only digits, spaces and + ( ) - in the number.';
  if (!isContactNote(note.trim())) problems.note = `Keep the note to ${String(supportContactLimits.note)} characters.`;
  return problems;
}

/**
 * The link that calls a contact: `tel:` and the number's digits (with a leading + if it has
 * one), built only from a phone that keeps the rules. Nothing else can become a link.
 */
export function callHref(phone: string): `tel:${string}` | undefined {
  if (!isPhone(phone)) return undefined;
  const digits = phone.replace(/\D/gu, '');
  if (digits === '') return undefined;
  return phone.trim().startsWith('+') ? `tel:+${digits}` : `tel:${digits}`;
}

/** The people the person chose to reach out to: kept only on this device. */
export class SupportContactsService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
  ) {}

  list(): Promise<SupportContact[]> {
    return this.store.run((db) => listSupportContacts(db, this.now()));
  }

  async add(name: string, phone: string, note: string): Promise<SupportContact> {
    const contact: SupportContact = { id: crypto.randomUUID(), name: name.trim(), phone: phone.trim(), note: note.trim(), createdAt: this.now() };
    await this.store.run((db) => putSupportContact(db, contact));
    return contact;
  }

  remove(id: string): Promise<void> {
    return this.store.run((db) => deleteSupportContact(db, id));
  }
}
