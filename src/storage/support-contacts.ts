import { strict } from './database';
import type { LullDatabase, SupportContact } from './schema';

export async function putSupportContact(db: LullDatabase, contact: SupportContact): Promise<void> {
  const tx = db.transaction('supportContacts', 'readwrite', strict);
  await Promise.all([tx.store.put(contact), tx.done]);
}

/** The person's contacts, in the order they added them. */
export async function listSupportContacts(db: LullDatabase): Promise<SupportContact[]> {
  return (await db.getAll('supportContacts')).sort((a, b) => a.createdAt - b.createdAt);
}

export async function deleteSupportContact(db: LullDatabase, id: string): Promise<void> {
  const tx = db.transaction('supportContacts', 'readwrite', strict);
  await Promise.all([tx.store.delete(id), tx.done]);
}
