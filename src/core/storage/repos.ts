// Small repositories: the vault speaks to IndexedDB only through these. Rows are returned as
// stored; the caller validates them (a profile can be edited by anyone who holds it).

import type { Db, DeviceRow, DeviceState, HeaderRow, RecordRow } from './db';
import { ERASE_AFTER_CHOICES } from './db';

export const headerRepo = {
  get(db: Db): Promise<HeaderRow | undefined> {
    return db.header.get('vault');
  },

  /**
   * Write the first header, atomically refusing when a header or any record already exists
   * (a vault is never created over existing data). Returns false when refused.
   */
  createIfEmpty(db: Db, header: HeaderRow): Promise<boolean> {
    return db.transaction('rw', db.header, db.records, async () => {
      if ((await db.header.count()) > 0 || (await db.records.count()) > 0) return false;
      await db.header.add(header);
      return true;
    });
  },

  /** Replace the header only if its wrapped key is still `expected` (compare-and-swap). */
  replaceIf(db: Db, expected: Uint8Array, next: HeaderRow): Promise<boolean> {
    return db.transaction('rw', db.header, async () => {
      const current = await db.header.get('vault');
      if (!current || !sameBytes(current.wrappedKey, expected)) return false;
      await db.header.put(next);
      return true;
    });
  },
};

export const recordsRepo = {
  get(db: Db, id: string): Promise<RecordRow | undefined> {
    return db.records.get(id);
  },

  put(db: Db, row: RecordRow): Promise<unknown> {
    return db.records.put(row);
  },

  /** One transaction: all rows are written or none. */
  putMany(db: Db, rows: RecordRow[]): Promise<unknown> {
    // Inside an explicit transaction a failed item aborts the lot (outside, Dexie commits
    // the items that worked).
    return db.transaction('rw', db.records, () => db.records.bulkPut(rows));
  },

  /** One indexed bulk read. */
  listByKind(db: Db, kind: string): Promise<RecordRow[]> {
    return db.records.where('kind').equals(kind).toArray();
  },

  delete(db: Db, id: string): Promise<void> {
    return db.records.delete(id);
  },

  async hasAny(db: Db): Promise<boolean> {
    return (await db.records.limit(1).count()) > 0;
  },
};

export const DEVICE_DEFAULTS: Readonly<DeviceState> = Object.freeze({
  failedAttempts: 0,
  consecutiveFailures: 0,
  lastFailureAt: null,
  eraseAfter: 0,
  unlockCode: null,
});

export const deviceRepo = {
  async get(db: Db): Promise<DeviceState> {
    return normaliseDevice(await db.device.get('device'));
  },

  /**
   * Read, change and write the device row in one transaction, so two unlock attempts at
   * once cannot lose a failure count. Returns the state as written.
   */
  update(db: Db, change: (current: DeviceState) => DeviceState): Promise<DeviceState> {
    return db.transaction('rw', db.device, async () => {
      const next = normaliseDevice(change(normaliseDevice(await db.device.get('device'))));
      const row: DeviceRow = { id: 'device', ...next };
      await db.device.put(row);
      return next;
    });
  },
};

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

/** Fill missing or garbled fields with the defaults; drop anything that is not ours. */
function normaliseDevice(row: Partial<DeviceState> | undefined): DeviceState {
  if (!row) return { ...DEVICE_DEFAULTS };
  const lastFailureAt =
    typeof row.lastFailureAt === 'number' && Number.isFinite(row.lastFailureAt)
      ? row.lastFailureAt
      : null;
  const eraseAfter = ERASE_AFTER_CHOICES.includes(row.eraseAfter as never)
    ? (row.eraseAfter as DeviceState['eraseAfter'])
    : 0;
  const code = row.unlockCode;
  const unlockCode =
    code && isBytes(code.salt) && isBytes(code.hash) ? { salt: code.salt, hash: code.hash } : null;
  return {
    failedAttempts: count(row.failedAttempts),
    consecutiveFailures: count(row.consecutiveFailures),
    lastFailureAt,
    eraseAfter,
    unlockCode,
  };
}

function sameBytes(a: unknown, b: Uint8Array): boolean {
  if (!isBytes(a) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A Uint8Array from any realm (IndexedDB hands back structured clones). */
function isBytes(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}
