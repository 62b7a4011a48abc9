import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DB_NAME,
  DEVICE_DEFAULTS,
  deviceRepo,
  eraseEverything,
  headerRepo,
  openDb,
  recordsRepo,
} from '../../src/core/storage';
import { SCHEMA_V2_TABLES, tablesOf } from './support/schema';

let n = 0;
const freshName = () => `storage-test-${++n}`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('database', () => {
  it('is called "calc" by default, schema v2: v1 tables plus outbox, receipts, sync', async () => {
    expect(DB_NAME).toBe('calc');
    const db = openDb();
    expect(db.name).toBe('calc');
    await db.open();
    expect(db.verno).toBe(2);
    expect(tablesOf(db)).toEqual(SCHEMA_V2_TABLES);
    await eraseEverything(db);
  });

  it('writes with strict durability', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const db = openDb(freshName());
    await recordsRepo.put(db, { id: 'a', kind: 'k', ciphertext: new Uint8Array(3) });
    await deviceRepo.update(db, (s) => ({ ...s, failedAttempts: 1 }));
    await headerRepo.createIfEmpty(db, {
      id: 'vault',
      formatVersion: 1,
      kdf: {
        alg: 'argon2id',
        memoryKiB: 65536,
        iterations: 3,
        parallelism: 1,
        salt: new Uint8Array(16),
      },
      wrappedKey: new Uint8Array(73),
    });
    // Dexie's own read-only transaction at open and the upgrade transaction carry none.
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes.length).toBeGreaterThanOrEqual(3);
    for (const call of writes) expect(call[2]).toEqual({ durability: 'strict' });
    await eraseEverything(db);
  });

  it('eraseEverything deletes the database and does not silently recreate it', async () => {
    const name = freshName();
    const db = openDb(name);
    await recordsRepo.put(db, { id: 'a', kind: 'k', ciphertext: new Uint8Array(3) });
    await deviceRepo.update(db, (s) => ({ ...s, failedAttempts: 2 }));
    expect(await Dexie.exists(name)).toBe(true);
    await eraseEverything(db);
    expect(await Dexie.exists(name)).toBe(false);
    await expect(recordsRepo.get(db, 'a')).rejects.toThrow();
    expect(await Dexie.exists(name)).toBe(false);
    const again = openDb(name);
    expect(await recordsRepo.get(again, 'a')).toBeUndefined();
    expect(await deviceRepo.get(again)).toEqual(DEVICE_DEFAULTS);
    await eraseEverything(again);
  });
});

describe('repositories', () => {
  it('records: put, get, list by kind, delete', async () => {
    const db = openDb(freshName());
    const bytes = Uint8Array.of(1, 2, 3);
    await recordsRepo.put(db, { id: 'r1', kind: 'report', ciphertext: bytes });
    await recordsRepo.put(db, { id: 'r2', kind: 'report', ciphertext: bytes });
    await recordsRepo.put(db, { id: 'c1', kind: 'contact', ciphertext: bytes });
    expect((await recordsRepo.get(db, 'r1'))?.ciphertext).toEqual(bytes);
    expect((await recordsRepo.listByKind(db, 'report')).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(await recordsRepo.hasAny(db)).toBe(true);
    await recordsRepo.delete(db, 'r1');
    expect(await recordsRepo.get(db, 'r1')).toBeUndefined();
    await eraseEverything(db);
  });

  it('records: putMany writes all rows or none', async () => {
    const db = openDb(freshName());
    const row = { id: 'ok', kind: 'report', ciphertext: Uint8Array.of(1) };
    await expect(
      recordsRepo.putMany(db, [
        row,
        { id: undefined, kind: 'report', ciphertext: Uint8Array.of(2) } as never,
      ]),
    ).rejects.toThrow();
    expect(await recordsRepo.get(db, 'ok')).toBeUndefined();
    await recordsRepo.putMany(db, [row, { ...row, id: 'ok2' }]);
    expect((await recordsRepo.listByKind(db, 'report')).length).toBe(2);
    await eraseEverything(db);
  });

  it('header: createIfEmpty refuses over a header or over records; replaceIf swaps only a match', async () => {
    const db = openDb(freshName());
    const header = {
      id: 'vault' as const,
      formatVersion: 1,
      kdf: {
        alg: 'argon2id' as const,
        memoryKiB: 65536,
        iterations: 3,
        parallelism: 1,
        salt: new Uint8Array(16),
      },
      wrappedKey: Uint8Array.of(1),
    };
    expect(await headerRepo.createIfEmpty(db, header)).toBe(true);
    expect(await headerRepo.createIfEmpty(db, { ...header, wrappedKey: Uint8Array.of(2) })).toBe(
      false,
    );
    expect((await headerRepo.get(db))?.wrappedKey).toEqual(Uint8Array.of(1));
    expect(
      await headerRepo.replaceIf(db, Uint8Array.of(9), { ...header, wrappedKey: Uint8Array.of(3) }),
    ).toBe(false);
    expect(
      await headerRepo.replaceIf(db, Uint8Array.of(1), { ...header, wrappedKey: Uint8Array.of(3) }),
    ).toBe(true);
    expect((await headerRepo.get(db))?.wrappedKey).toEqual(Uint8Array.of(3));

    const other = openDb(freshName());
    await recordsRepo.put(other, { id: 'a', kind: 'k', ciphertext: new Uint8Array(1) });
    expect(await headerRepo.createIfEmpty(other, header)).toBe(false);
    expect(await headerRepo.get(other)).toBeUndefined();
    await eraseEverything(db);
    await eraseEverything(other);
  });

  it('device: defaults, atomic updates, garbled rows normalised', async () => {
    const db = openDb(freshName());
    expect(await deviceRepo.get(db)).toEqual(DEVICE_DEFAULTS);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        deviceRepo.update(db, (s) => ({ ...s, failedAttempts: s.failedAttempts + 1 })),
      ),
    );
    expect((await deviceRepo.get(db)).failedAttempts).toBe(10);
    await db.device.put({
      id: 'device',
      failedAttempts: -1,
      consecutiveFailures: Number.NaN,
      lastFailureAt: 'x' as never,
      eraseAfter: 7 as never,
      unlockCode: { salt: 'x', hash: null } as never,
    });
    expect(await deviceRepo.get(db)).toEqual(DEVICE_DEFAULTS);
    await eraseEverything(db);
  });
});
