// Delivery receipts: sealed to the device key by the sender (no vault key needed), opened
// only with the vault's secret half, then filed as encrypted records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxKeyPair } from '../../src/core/crypto';
import {
  type Db,
  eraseEverything,
  openDb,
  outboxRepo,
  receiptsRepo,
  recordsRepo,
  syncRepo,
} from '../../src/core/storage';
import {
  absorbReceipts,
  DEVICE_KEY_ID,
  ensureDeviceKey,
  listDelivered,
  loadSendStates,
  openReceipt,
  SENT_KIND,
  sealReceipt,
  sentRecordId,
} from '../../src/core/sync';
import { createVault, type Vault } from '../../src/core/vault';

const A = '0b9d4a6e-5f1c-4e2b-9a3d-7c8e1f2a3b4c';
const B = '1c8e5b7f-6a2d-4f3c-8b4e-9d0f2a3b4c5d';
const C = '2d9f6c8a-7b3e-4a4d-9c5f-0e1a3b4c5d6e';

let db: Db;
let vault: Vault;

beforeAll(async () => {
  db = openDb('sync-receipts-test');
  const created = await createVault(db, 'receipts test passphrase');
  if (!created.ok) throw new Error(created.error);
  vault = created.value;
});

afterAll(async () => {
  vault.lock();
  await eraseEverything(db);
});

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('device receipt key', () => {
  it('is created once: secret half in the vault (encrypted), public half in clear', async () => {
    expect((await syncRepo.get(db)).devicePublicKey).toBeNull();
    const pair = await ensureDeviceKey(db, vault);
    expect(hex((await syncRepo.get(db)).devicePublicKey as Uint8Array)).toBe(hex(pair.publicKey));
    const again = await ensureDeviceKey(db, vault);
    expect(hex(again.publicKey)).toBe(hex(pair.publicKey));
    expect(hex(again.secretKey)).toBe(hex(pair.secretKey));

    // The secret key is nowhere in clear: not in the record row, not in the sync row.
    const row = await recordsRepo.get(db, DEVICE_KEY_ID);
    expect(row?.kind).toBe('sync-key');
    const everything = JSON.stringify([row, await db.sync.toArray()], (_k, v) =>
      v instanceof Uint8Array ? hex(v) : v,
    );
    expect(everything).not.toContain(hex(pair.secretKey));
    expect(everything).not.toContain(Buffer.from(pair.secretKey).toString('base64url'));
  });

  it('rewrites a clear public key that differs from the vault’s', async () => {
    const pair = await ensureDeviceKey(db, vault);
    await syncRepo.update(db, (s) => ({ ...s, devicePublicKey: boxKeyPair().publicKey }));
    await ensureDeviceKey(db, vault);
    expect(hex((await syncRepo.get(db)).devicePublicKey as Uint8Array)).toBe(hex(pair.publicKey));
  });
});

describe('receipts', () => {
  it('seal {id, status, confirmedAt} so only the device key opens them', async () => {
    const pair = await ensureDeviceKey(db, vault);
    const row = await sealReceipt(
      { id: A, status: 201, confirmedAt: 1_700_000_000_000 },
      pair.publicKey,
    );
    expect(row.id).toBe(A);
    expect(Buffer.from(row.sealed).includes(Buffer.from('1700000000000'))).toBe(false);
    expect(await openReceipt(row, pair.publicKey, pair.secretKey)).toEqual({
      id: A,
      status: 201,
      confirmedAt: 1_700_000_000_000,
    });
    const other = boxKeyPair();
    // Another key, a row moved to another id, or damage: still "sent", time unknown.
    const unknown = { status: 0, confirmedAt: null };
    expect(await openReceipt(row, other.publicKey, other.secretKey)).toEqual({ id: A, ...unknown });
    expect(await openReceipt({ ...row, id: B }, pair.publicKey, pair.secretKey)).toEqual({
      id: B,
      ...unknown,
    });
    const damaged = row.sealed.slice();
    damaged[60] = (damaged[60] ?? 0) ^ 1;
    expect(await openReceipt({ id: A, sealed: damaged }, pair.publicKey, pair.secretKey)).toEqual({
      id: A,
      ...unknown,
    });
  });

  it('are filed in the vault on unlock, then removed from the clear table', async () => {
    const { publicKey } = await ensureDeviceKey(db, vault);
    await db.receipts.bulkPut([
      await sealReceipt({ id: A, status: 201, confirmedAt: 111 }, publicKey),
      await sealReceipt({ id: B, status: 200, confirmedAt: 222 }, publicKey),
    ]);
    await outboxRepo.putMany(db, [
      { id: C, body: new Uint8Array(8), attempts: 2, nextAttemptAt: 5, state: 'queued' },
    ]);
    const receipts = await absorbReceipts(db, vault);
    expect(receipts.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: A, status: 201, confirmedAt: 111 },
      { id: B, status: 200, confirmedAt: 222 },
    ]);
    expect(await receiptsRepo.list(db)).toEqual([]);
    expect((await recordsRepo.get(db, sentRecordId(A)))?.kind).toBe(SENT_KIND);
    const delivered = await listDelivered(vault);
    expect(delivered.get(A)).toEqual({ status: 201, confirmedAt: 111 });

    const states = await loadSendStates(db, vault);
    expect(states.get(A)).toEqual({ state: 'sent', confirmedAt: 111 });
    expect(states.get(B)).toEqual({ state: 'sent', confirmedAt: 222 });
    expect(states.get(C)).toEqual({ state: 'queued', attempts: 2, nextAttemptAt: 5 });
    expect(states.has('anything-else')).toBe(false);

    // Nothing waiting: nothing happens (and no key is touched).
    expect(await absorbReceipts(db, vault)).toEqual([]);
  });
});
