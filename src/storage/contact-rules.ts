import { accepted, id, record, scalar, text, type Rule } from './read-rules';
import type { EpochMilliseconds, SupportContact } from './schema';
import { repairedTime, timeRule } from './time-rules';

/** What a support contact may hold: the form, imports and stored values all follow these. */
export const supportContactLimits = { name: 100, phone: 40, note: 200 } as const;

/** The name a stored contact shows when its own is blank. */
const unnamedContact = 'Unnamed contact';

/** A phone number as a person writes it: digits, spaces and + ( ) - only, nothing a link could run. */
const phoneCharacters = /^[0-9+()\- ]*$/u;

export function isContactName(name: unknown): name is string {
  return typeof name === 'string' && name.trim() !== '' && name.length <= supportContactLimits.name;
}

/** An empty phone is none; any other must be a number as a person writes it. */
export function isPhone(phone: unknown): phone is string {
  return typeof phone === 'string' && phone.length <= supportContactLimits.phone && phoneCharacters.test(phone);
}

export function isContactNote(note: unknown): note is string {
  return typeof note === 'string' && note.length <= supportContactLimits.note;
}

/** A contact in a backup: a name, and a phone only of digits and + ( ) - spaces. */
export function contactRule(now: EpochMilliseconds): Rule<SupportContact> {
  return record('a support contact', {
    id,
    name: scalar(`a name: text of 1 to ${String(supportContactLimits.name)} characters, not only spaces`, isContactName),
    phone: scalar(`a phone number of at most ${String(supportContactLimits.phone)} digits, spaces and + ( ) -, or empty`, isPhone),
    note: text(supportContactLimits.note),
    createdAt: timeRule(now),
  });
}

/** Trimmed text of at most `max` UTF-16 units, never ending in half an emoji. */
function cut(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  const kept = value.trim().slice(0, max);
  return /[\uD800-\uDBFF]$/u.test(kept) ? kept.slice(0, -1) : kept;
}

/**
 * A stored contact as the app may show it: unchanged when it keeps the rules; otherwise a
 * blank name reads "Unnamed contact", a phone that is not a phone number is dropped (so no link
 * is made of it), and text too long is cut. Without an id there is nothing to show or remove.
 */
export function readStoredContact(value: unknown, now: EpochMilliseconds): SupportContact | undefined {
  const valid = accepted(contactRule(now), value);
  if (valid) return valid;
  if (typeof value !== 'object' || value === null) return undefined;
  // Each field is checked below before it is used.
  const stored = value as Partial<Record<keyof SupportContact, unknown>>;
  const contactId = accepted(id, stored.id);
  if (contactId === undefined) return undefined;
  const name = cut(stored.name, supportContactLimits.name);
  return {
    id: contactId,
    name: name === '' ? unnamedContact : name,
    phone: isPhone(stored.phone) ? stored.phone : '',
    note: cut(stored.note, supportContactLimits.note),
    createdAt: repairedTime(stored.createdAt, now),
  };
}
