// Decrypted contacts and templates, in memory while unlocked; dropped on lock.
import { onLock } from '../../app/session';
import { createStore } from '../../app/store';
import type { CheckInTemplate, Contact } from '../../core/contacts';
import { type Entry, getTemplates, listContacts } from './store';

/** Emergency contacts first, then by name; damaged entries last. */
export function contactOrder(a: Entry<Contact>, b: Entry<Contact>): number {
  if (!a.value || !b.value) return a.value ? -1 : b.value ? 1 : 0;
  if (a.value.emergency !== b.value.emergency) return a.value.emergency ? -1 : 1;
  return a.value.name.localeCompare(b.value.name);
}

export const contactsState = createStore<Entry<Contact>[] | null>(null);
export const contactsFailed = createStore(false);
/** null: not loaded; 'defaults': none saved; 'damaged': the saved ones cannot be opened. */
export const templatesState = createStore<CheckInTemplate[] | 'defaults' | 'damaged' | null>(null);

let generation = 0;

export async function loadContacts(): Promise<void> {
  if (contactsState.get()) return;
  const round = generation;
  try {
    const list = await listContacts();
    if (round === generation) contactsState.set(list.sort(contactOrder));
  } catch {
    if (round === generation) contactsFailed.set(true);
  }
}

export async function loadTemplates(): Promise<void> {
  if (templatesState.get()) return;
  const round = generation;
  try {
    const found = await getTemplates();
    if (round === generation) templatesState.set(found ?? 'defaults');
  } catch {
    if (round === generation) templatesState.set('damaged');
  }
}

export function rememberContact(contact: Contact): void {
  const list = contactsState.get();
  if (!list) return;
  contactsState.set(
    [...list.filter((e) => e.id !== contact.id), { id: contact.id, value: contact }].sort(
      contactOrder,
    ),
  );
}

export function forgetContact(id: string): void {
  const list = contactsState.get();
  if (list) contactsState.set(list.filter((e) => e.id !== id));
}

onLock(() => {
  generation++;
  contactsState.set(null);
  contactsFailed.set(false);
  templatesState.set(null);
});
