import { readStoredContact } from './contact-rules';
import { strict } from './database';
import type { EpochMilliseconds, LullDatabase, SupportContact } from './schema';

export async function putSupportContact(db: LullDatabase, contact: SupportContact): Promise<void> {
  const tx = db.transaction('supportContacts', 'readwrite', strict);
  await Promise.all([tx.store.put(contact), tx.done]);
}

/** The person's contacts, in the order they added them; one that breaks the rules is repaired (or left out without an id). */
export async function listSupportContacts(db: LullDatabase, now: EpochMilliseconds = Date.now()): Promise<SupportContact[]> {
  return (await db.getAll('supportContacts')).flatMap((stored) => readStoredContact(stored, now) ?? []).sort((a, b) => a.createdAt - b.createdAt);
}

export async function deleteSupportContact(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction('supportContacts', 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}
