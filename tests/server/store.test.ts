// The report store: idempotent, race-safe inserts, group commit, coarse receipt time.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, receivedDay } from '../../server/store';

const dir = mkdtempSync(join(tmpdir(), 'nightjar-store-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('store', () => {
  it('put: created, duplicate, conflict; the first bytes stay', () => {
    const store = openStore(':memory:');
    const id = randomUUID();
    const a = randomBytes(100);
    expect(store.put(id, a)).toBe('created');
    expect(store.put(id, Buffer.from(a))).toBe('duplicate');
    expect(store.put(id, randomBytes(100))).toBe('conflict');
    expect(store.get(id)?.body.equals(a)).toBe(true);
    expect(store.count()).toBe(1);
    store.close();
  });

  it('putAsync group-commits a turn of puts, same id included, in order', async () => {
    const store = openStore(':memory:');
    const id = randomUUID();
    const a = randomBytes(64);
    const others = Array.from({ length: 50 }, () => [randomUUID(), randomBytes(64)] as const);
    const results = await Promise.all([
      store.putAsync(id, a),
      store.putAsync(id, a),
      store.putAsync(id, randomBytes(64)),
      ...others.map(([i, b]) => store.putAsync(i, b)),
      ...others.map(([i, b]) => store.putAsync(i, b)),
    ]);
    expect(results.slice(0, 3)).toEqual(['created', 'duplicate', 'conflict']);
    expect(results.slice(3, 53).every((r) => r === 'created')).toBe(true);
    expect(results.slice(53).every((r) => r === 'duplicate')).toBe(true);
    expect(store.count()).toBe(51);
    store.close();
  });

  it('a failed batch rejects every put in it and stores none of them', async () => {
    const store = openStore(':memory:');
    const bad = null as unknown as Uint8Array; // NOT NULL violation inside the batch
    const p1 = store.putAsync(randomUUID(), randomBytes(10));
    const p2 = store.putAsync(randomUUID(), { buffer: bad, byteOffset: 0, byteLength: 0 } as never);
    await expect(p1).rejects.toBeTruthy();
    await expect(p2).rejects.toBeTruthy();
    expect(store.count()).toBe(0);
    expect(await store.putAsync(randomUUID(), randomBytes(10))).toBe('created');
    store.close();
  });

  it('is race-safe across connections (as two processes would be)', () => {
    const path = join(dir, 'race.db');
    const s1 = openStore(path);
    const s2 = openStore(path);
    const id = randomUUID();
    const body = randomBytes(4144);
    expect(s1.put(id, body)).toBe('created');
    expect(s2.put(id, body)).toBe('duplicate');
    expect(s2.put(id, randomBytes(4144))).toBe('conflict');
    s1.close();
    s2.close();
  });

  it('keeps only id, body and the day; file is owner-only; WAL', () => {
    const path = join(dir, 'schema.db');
    const store = openStore(path);
    store.put(randomUUID(), randomBytes(10));
    store.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const db = new Database(path, { readonly: true });
    const cols = db.prepare("SELECT name FROM pragma_table_info('reports')").all();
    expect(cols).toEqual([{ name: 'id' }, { name: 'body' }, { name: 'received_day' }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(receivedDay(new Date('2026-03-04T23:59:59.999Z'))).toBe('2026-03-04');
  });

  it('refuses to open a missing database read-only (and does not create it)', () => {
    expect(() => openStore(join(dir, 'missing.db'), { readonly: true })).toThrow();
    expect(() => statSync(join(dir, 'missing.db'))).toThrow();
  });
});
