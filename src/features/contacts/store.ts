// Safety contacts and check-in templates in the vault. Screens go through these.
// Like reports, decrypted data is revived field by field: a record that opens but is not
// a contact shows as damaged instead of breaking the list.
import { vault as sessionVault } from '../../app/session';
import { type CheckInTemplate, type Contact, emptyContact } from '../../core/contacts';
import type { Vault } from '../../core/vault';

export const CONTACT_KIND = 'contact';
export const TEMPLATES_KIND = 'checkin-templates';
export const TEMPLATES_ID = 'checkin-templates';

/** One row of a list: the value, or null when the record is damaged. */
export interface Entry<T> {
  id: string;
  value: T | null;
}

export function reviveContact(data: unknown): Contact | null {
  if (typeof data !== 'object' || data === null) return null;
  const raw = data as Record<string, unknown>;
  if (typeof raw.id !== 'string' || raw.id === '') return null;
  const base = emptyContact(raw.id, new Date(0));
  const out: Record<string, unknown> = { ...base };
  for (const [key, blank] of Object.entries(base)) {
    if (typeof raw[key] === typeof blank) out[key] = raw[key];
  }
  return out as unknown as Contact;
}

export async function listContacts(v: Vault = sessionVault()): Promise<Entry<Contact>[]> {
  const rows = await v.list(CONTACT_KIND);
  return rows.map(({ id, result }) => ({
    id,
    value: result.ok ? reviveContact(result.value.data) : null,
  }));
}

export async function getContact(
  id: string,
  v: Vault = sessionVault(),
): Promise<Contact | 'missing' | 'damaged'> {
  const found = await v.get(id);
  if (!found.ok) return found.error;
  if (found.value.kind !== CONTACT_KIND) return 'missing';
  return reviveContact(found.value.data) ?? 'damaged';
}

export function putContact(contact: Contact, v: Vault = sessionVault()): Promise<void> {
  return v.put(CONTACT_KIND, contact.id, contact);
}

export function deleteContact(id: string, v: Vault = sessionVault()): Promise<void> {
  return v.delete(id);
}

/** The worker's own templates; null when none were saved (the defaults apply). */
export async function getTemplates(
  v: Vault = sessionVault(),
): Promise<CheckInTemplate[] | null | 'damaged'> {
  const found = await v.get(TEMPLATES_ID);
  if (!found.ok) return found.error === 'missing' ? null : 'damaged';
  const data = found.value.data;
  if (found.value.kind !== TEMPLATES_KIND || !Array.isArray(data)) return 'damaged';
  return data.filter(
    (x): x is CheckInTemplate =>
      typeof x === 'object' && x !== null && typeof x.id === 'string' && typeof x.text === 'string',
  );
}

export function putTemplates(list: CheckInTemplate[], v: Vault = sessionVault()): Promise<void> {
  return v.put(TEMPLATES_KIND, TEMPLATES_ID, list);
}

export function deleteTemplates(v: Vault = sessionVault()): Promise<void> {
  return v.delete(TEMPLATES_ID);
}
