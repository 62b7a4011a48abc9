// Safety contacts and check-in templates on a real vault (fake-indexeddb).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContact, withPhone } from '../../src/core/contacts';
import { type Db, openDb } from '../../src/core/storage';
import { createVault, type Vault } from '../../src/core/vault';
import { contactOrder } from '../../src/features/contacts/state';
import {
  deleteContact,
  deleteTemplates,
  getContact,
  getTemplates,
  listContacts,
  putContact,
  putTemplates,
  reviveContact,
} from '../../src/features/contacts/store';

const PASS = 'correct horse battery staple';
let db: Db;
let vault: Vault;

beforeAll(async () => {
  db = openDb(`contacts-store-${Date.now()}`);
  const created = await createVault(db, PASS);
  if (!created.ok) throw new Error(created.error);
  vault = created.value;
});
afterAll(() => vault.lock());

const contact = (name: string, emergency = false) => ({
  ...withPhone(emptyContact(crypto.randomUUID(), new Date()), '07700 900123'),
  name,
  emergency,
});

describe('contacts', () => {
  it('round-trip, list (damaged ones as damaged), sort emergency first, delete', async () => {
    const ana = contact('Ana');
    const bo = contact('Bo', true);
    const broken = contact('Cy');
    for (const c of [ana, bo, broken]) await putContact(c, vault);
    expect(await getContact(ana.id, vault)).toEqual(ana);

    const row = await db.records.get(broken.id);
    if (!row) throw new Error('missing row');
    row.ciphertext[35] = (row.ciphertext[35] as number) ^ 0x10;
    await db.records.put(row);

    const listed = (await listContacts(vault)).sort(contactOrder);
    expect(listed.map((e) => e.value?.name ?? null)).toEqual(['Bo', 'Ana', null]);
    expect(await getContact(broken.id, vault)).toBe('damaged');

    for (const c of [ana, bo, broken]) await deleteContact(c.id, vault);
    expect(await listContacts(vault)).toEqual([]);
    expect(await getContact(ana.id, vault)).toBe('missing');
  });

  it('revive fills blanks and refuses non-contacts', () => {
    expect(reviveContact({ id: 'c', name: 'Ana', emergency: 'yes' })).toMatchObject({
      id: 'c',
      name: 'Ana',
      phone: '',
      emergency: false,
    });
    expect(reviveContact(null)).toBeNull();
    expect(reviveContact({ name: 'no id' })).toBeNull();
  });
});

describe('check-in templates', () => {
  it('are null until saved, round-trip, and go back to defaults when deleted', async () => {
    expect(await getTemplates(vault)).toBeNull();
    const mine = [{ id: 'a', text: 'At {place} until {time}' }];
    await putTemplates(mine, vault);
    expect(await getTemplates(vault)).toEqual(mine);
    await deleteTemplates(vault);
    expect(await getTemplates(vault)).toBeNull();
  });
});
