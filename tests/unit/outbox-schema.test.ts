// Schema version 2 (outbox, receipts, sync) upgrades a version-1 database in place: every
// existing header, record and device row survives untouched.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { eraseEverything, openDb, outboxRepo, syncRepo } from '../../src/core/storage';
import { SCHEMA_V2_TABLES, tablesOf } from './support/schema';

describe('schema v2 upgrade', () => {
  it('adds the sending tables and keeps every v1 row as it was', async () => {
    const name = 'schema-upgrade-test';
    const v1 = new Dexie(name);
    v1.version(1).stores({ header: 'id', records: 'id, kind', device: 'id' });
    const header = {
      id: 'vault',
      formatVersion: 1,
      kdf: {
        alg: 'argon2id',
        memoryKiB: 65536,
        iterations: 3,
        parallelism: 1,
        salt: new Uint8Array(16).fill(7),
      },
      wrappedKey: new Uint8Array(73).fill(9),
    };
    const records = Array.from({ length: 50 }, (_, i) => ({
      id: `r${i}`,
      kind: i % 2 ? 'report' : 'contact',
      ciphertext: Uint8Array.from({ length: 100 }, (_, j) => (i * j) & 0xff),
    }));
    const device = {
      id: 'device',
      failedAttempts: 3,
      consecutiveFailures: 1,
      lastFailureAt: 123,
      eraseAfter: 10,
      unlockCode: null,
    };
    await v1.table('header').put(header);
    await v1.table('records').bulkPut(records);
    await v1.table('device').put(device);
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(tablesOf(db)).toEqual(SCHEMA_V2_TABLES);
    expect(await db.header.get('vault')).toEqual(header);
    expect(await db.records.orderBy('id').toArray()).toEqual(
      [...records].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await db.records.where('kind').equals('report').count()).toBe(25);
    expect(await db.device.get('device')).toEqual(device);

    // The new tables start empty and work.
    expect(await db.outbox.count()).toBe(0);
    expect(await syncRepo.get(db)).toEqual({
      policy: 'unlocked',
      devicePublicKey: null,
      partnerPayload: null,
    });
    await outboxRepo.putMany(db, [
      { id: 'x', body: new Uint8Array(4), attempts: 0, nextAttemptAt: 0, state: 'queued' },
    ]);
    expect(await outboxRepo.countQueued(db)).toBe(1);
    await eraseEverything(db);
  });

  it('normalises a garbled sync row to safe defaults', async () => {
    const db = openDb('schema-sync-row-test');
    await db.sync.put({
      id: 'sync',
      policy: 'always' as never,
      devicePublicKey: new Uint8Array(5),
      partnerPayload: 42 as never,
    });
    expect(await syncRepo.get(db)).toEqual({
      policy: 'unlocked',
      devicePublicKey: null,
      partnerPayload: null,
    });
    await eraseEverything(db);
  });
});
