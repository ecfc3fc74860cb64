import { deleteSupportContact, listSupportContacts, putSupportContact } from '../storage/support-contacts';
import type { SupportContact } from '../storage/schema';
import type { DataStore } from './data-store';

export type { SupportContact };

export const supportContactLimits = { name: 100, phone: 40, note: 200 } as const;

/** What is wrong with a contact before it is saved, per field, in words a person reads. */
export type ContactProblems = Partial<Record<'name' | 'phone' | 'note', string>>;

const phonePattern = /^[0-9+()\-.\s]*$/u;

export function checkContact(name: string, phone: string, note: string): ContactProblems {
  const problems: ContactProblems = {};
  if (name.trim() === '') problems.name = 'Add a name, so you know who this is.';
  else if (name.length > supportContactLimits.name) problems.name = `Keep the name to ${String(supportContactLimits.name)} characters.`;
  if (phone.length > supportContactLimits.phone) problems.phone = `Keep the number to ${String(supportContactLimits.phone)} characters.`;
  else if (!phonePattern.test(phone)) problems.phone = 'Use only digits, spaces and + ( ) - in the number.';
  if (note.length > supportContactLimits.note) problems.note = `Keep the note to ${String(supportContactLimits.note)} characters.`;
  return problems;
}

/** The people the person chose to reach out to: kept only on this device. */
export class SupportContactsService {
  constructor(
    private readonly store: DataStore,
    private readonly now: () => number = Date.now,
  ) {}

  list(): Promise<SupportContact[]> {
    return this.store.run(listSupportContacts);
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
