import Dexie from 'dexie';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { type Db, type DeviceRow, openDb } from '../../src/core/storage';
import {
  checkUnlockCode,
  createVault,
  deviceSettings,
  isValidUnlockCode,
  msUntilNextAttempt,
  unlockDelayMs,
  unlockVault,
  unlockWaitMs,
  type Vault,
  vaultStatus,
} from '../../src/core/vault';

const argon = vi.hoisted(() => ({ calls: 0 }));
vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof import('hash-wasm')>();
  return {
    ...real,
    argon2id: ((options: Parameters<typeof real.argon2id>[0]) => {
      argon.calls++;
      return real.argon2id(options);
    }) as typeof real.argon2id,
  };
});

const PASS = 'correct horse battery staple';
let n = 0;
const freshName = () => `vault-unlock-test-${++n}`;

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${String(r.error)}`);
  return r.value;
}

async function setDevice(db: Db, patch: Partial<DeviceRow>): Promise<void> {
  const current = await db.device.get('device');
  await db.device.put({
    id: 'device',
    failedAttempts: 0,
    consecutiveFailures: 0,
    lastFailureAt: null,
    eraseAfter: 0,
    unlockCode: null,
    ...current,
    ...patch,
  });
}

describe('delay schedule', () => {
  it('waits from the 5th failure in a row: 5 s doubling to a 5 minute cap', () => {
    const schedule = Array.from({ length: 14 }, (_, i) => unlockDelayMs(i));
    expect(schedule).toEqual([
      0, 0, 0, 0, 0, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000,
    ]);
    expect(unlockDelayMs(1_000_000)).toBe(300_000);
    expect(unlockDelayMs(Number.NaN)).toBe(0);
  });

  it('counts the wait from the last failure, and never more than one delay', () => {
    const now = 1_700_000_000_000;
    expect(msUntilNextAttempt({ consecutiveFailures: 5, lastFailureAt: now - 2_000 }, now)).toBe(
      3_000,
    );
    expect(msUntilNextAttempt({ consecutiveFailures: 5, lastFailureAt: now - 9_000 }, now)).toBe(0);
    expect(msUntilNextAttempt({ consecutiveFailures: 6, lastFailureAt: now }, now)).toBe(10_000);
    expect(msUntilNextAttempt({ consecutiveFailures: 3, lastFailureAt: now }, now)).toBe(0);
    expect(msUntilNextAttempt({ consecutiveFailures: 9, lastFailureAt: null }, now)).toBe(0);
    // Clock turned back a day: one delay, not a day.
    expect(
      msUntilNextAttempt({ consecutiveFailures: 5, lastFailureAt: now + 86_400_000 }, now),
    ).toBe(5_000);
  });
});

describe('failed attempts', () => {
  let db: Db;

  beforeAll(async () => {
    db = openDb(freshName());
    (await must(createVault(db, PASS))).lock();
  });

  it('are counted on each wrong passphrase and reported on the next success', async () => {
    for (let i = 1; i <= 2; i++) {
      expect(await unlockVault(db, `wrong ${i} passphrase`)).toEqual({
        ok: false,
        error: 'wrong-passphrase',
      });
      expect(await db.device.get('device')).toMatchObject({
        failedAttempts: i,
        consecutiveFailures: i,
      });
    }
    // Five in a row, the last just now: the next try must wait, and is not even attempted.
    const now = Date.now();
    await setDevice(db, { failedAttempts: 5, consecutiveFailures: 5, lastFailureAt: now });
    const before = argon.calls;
    expect(await unlockVault(db, PASS)).toEqual({ ok: false, error: 'too-soon' });
    expect(argon.calls).toBe(before);
    expect(await unlockWaitMs(db, now + 1_000)).toBe(4_000);
    expect(await db.device.get('device')).toMatchObject({
      failedAttempts: 5,
      consecutiveFailures: 5,
    });

    // Once the delay has passed the right passphrase opens, and says what happened.
    await setDevice(db, { lastFailureAt: now - 5_001 });
    const vault = await must(unlockVault(db, PASS));
    expect(vault.failedAttemptsSinceLastUnlock).toBe(5);
    expect(await db.device.get('device')).toMatchObject({
      failedAttempts: 0,
      consecutiveFailures: 0,
      lastFailureAt: null,
    });
    vault.lock();
  });

  it('a failure time in the future (clock turned back) restarts the wait from now', async () => {
    await setDevice(db, { consecutiveFailures: 6, lastFailureAt: Date.now() + 86_400_000 });
    expect(await unlockVault(db, PASS)).toEqual({ ok: false, error: 'too-soon' });
    const device = await db.device.get('device');
    expect(device?.lastFailureAt).toBeLessThanOrEqual(Date.now());
    await setDevice(db, { consecutiveFailures: 0, failedAttempts: 0, lastFailureAt: null });
  });

  it('never erase when erase-after is off', async () => {
    await setDevice(db, { eraseAfter: 0, consecutiveFailures: 40, lastFailureAt: 0 });
    expect(await unlockVault(db, 'still wrong, still here')).toEqual({
      ok: false,
      error: 'wrong-passphrase',
    });
    expect(await vaultStatus(db)).toBe('ready');
  });
});

describe('erase after N failures', () => {
  it('destroys the database on the Nth failure in a row', async () => {
    const name = freshName();
    const db = openDb(name);
    const vault = await must(createVault(db, PASS));
    await vault.put('report', 'r1', { what: 'kept until erased' });
    await vault.setEraseAfter(5);
    vault.lock();

    for (let i = 1; i <= 4; i++) {
      expect(await unlockVault(db, `guess number ${i}`)).toEqual({
        ok: false,
        error: 'wrong-passphrase',
      });
      expect(await Dexie.exists(name)).toBe(true);
    }
    expect(await unlockVault(db, 'guess number 5')).toEqual({ ok: false, error: 'erased' });
    expect(await Dexie.exists(name)).toBe(false);

    // Nothing left to unlock, even with the right passphrase.
    const after = openDb(name);
    expect(await vaultStatus(after)).toBe('none');
    expect(await unlockVault(after, PASS)).toEqual({ ok: false, error: 'no-vault' });
    expect(await after.records.count()).toBe(0);
    expect(await after.device.count()).toBe(0);
  });

  it('a success in between resets the count', async () => {
    const db = openDb(freshName());
    const vault = await must(createVault(db, PASS));
    await vault.setEraseAfter(5);
    vault.lock();
    await setDevice(db, { failedAttempts: 4, consecutiveFailures: 4 });
    (await must(unlockVault(db, PASS))).lock();
    expect(await unlockVault(db, 'one more wrong guess')).toEqual({
      ok: false,
      error: 'wrong-passphrase',
    });
    expect(await vaultStatus(db)).toBe('ready');
  });

  it('finishes an interrupted erase before trying anything', async () => {
    const name = freshName();
    const db = openDb(name);
    (await must(createVault(db, PASS))).lock();
    await setDevice(db, { eraseAfter: 10, consecutiveFailures: 10, lastFailureAt: Date.now() });
    const before = argon.calls;
    expect(await unlockVault(db, PASS)).toEqual({ ok: false, error: 'erased' });
    expect(argon.calls).toBe(before);
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('accepts only 0, 5, 10 or 20', async () => {
    const db = openDb(freshName());
    const vault = await must(createVault(db, PASS));
    await expect(vault.setEraseAfter(3 as never)).rejects.toThrow(RangeError);
    expect(await deviceSettings(db)).toEqual({ eraseAfter: 0, hasUnlockCode: false });
    await vault.setEraseAfter(20);
    expect(await db.device.get('device')).toMatchObject({ eraseAfter: 20 });
    expect(await deviceSettings(db)).toEqual({ eraseAfter: 20, hasUnlockCode: false });
    vault.lock();
  });
});

describe('calculator unlock code', () => {
  let db: Db;
  let vault: Vault;

  beforeAll(async () => {
    db = openDb(freshName());
    vault = await must(createVault(db, PASS));
  });

  it('is false while none is set', async () => {
    expect(await checkUnlockCode(db, '1234')).toBe(false);
  });

  it('accepts only 4 to 8 ASCII digits', async () => {
    for (const bad of ['123', '123456789', '12a4', '12 34', '', '١٢٣٤', '1234\n']) {
      expect(isValidUnlockCode(bad)).toBe(false);
      expect(await vault.setUnlockCode(bad)).toEqual({ ok: false, error: 'invalid-code' });
    }
    expect(isValidUnlockCode('0000')).toBe(true);
    expect(isValidUnlockCode('12345678')).toBe(true);
    expect(await db.device.get('device')).toMatchObject({ unlockCode: null });
  });

  it('is stored as a salted hash and checked', async () => {
    expect(await vault.setUnlockCode('2580')).toEqual({ ok: true, value: undefined });
    const stored = (await db.device.get('device'))?.unlockCode;
    expect(stored?.salt.length).toBe(16);
    expect(stored?.hash.length).toBe(32);
    expect(Buffer.from(stored?.hash ?? []).includes(Buffer.from('2580'))).toBe(false);

    expect(await deviceSettings(db)).toMatchObject({ hasUnlockCode: true });
    expect(await checkUnlockCode(db, '2580')).toBe(true);
    expect(await checkUnlockCode(db, '2581')).toBe(false);
    expect(await checkUnlockCode(db, '25800')).toBe(false);
    expect(await checkUnlockCode(db, '258')).toBe(false);

    // A new code replaces the old one, with a new salt.
    expect((await vault.setUnlockCode('01234567')).ok).toBe(true);
    const replaced = (await db.device.get('device'))?.unlockCode;
    expect(Buffer.from(replaced?.salt ?? []).equals(Buffer.from(stored?.salt ?? []))).toBe(false);
    expect(await checkUnlockCode(db, '2580')).toBe(false);
    expect(await checkUnlockCode(db, '01234567')).toBe(true);

    await vault.clearUnlockCode();
    expect(await checkUnlockCode(db, '01234567')).toBe(false);
  });
});
