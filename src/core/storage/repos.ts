// Small repositories: the vault speaks to IndexedDB only through these. Rows are returned as
// stored; the caller validates them (a profile can be edited by anyone who holds it).

import type {
  Db,
  DeviceRow,
  DeviceState,
  HeaderRow,
  OutboxRow,
  ReceiptRow,
  RecordRow,
  SyncConfig,
  SyncPolicy,
  SyncRow,
} from './db';
import { ERASE_AFTER_CHOICES, SYNC_POLICIES } from './db';

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

// ---------------------------------------------------------------------------------------
// Sending to the partner (schema v2). The decisions (what to claim, when to retry) live in
// core/sync; these only make each read-modify-write one transaction.

export const outboxRepo = {
  get(db: Db, id: string): Promise<OutboxRow | undefined> {
    return db.outbox.get(id);
  },

  list(db: Db): Promise<OutboxRow[]> {
    return db.outbox.toArray();
  },

  count(db: Db): Promise<number> {
    return db.outbox.count();
  },

  countQueued(db: Db): Promise<number> {
    return db.outbox.filter((row) => row.state === 'queued').count();
  },

  /**
   * Read the row for `id` and write what `change` returns in one transaction: a row to put,
   * null to delete, undefined to leave it as it is. Returns what `change` returned.
   */
  change(
    db: Db,
    id: string,
    change: (current: OutboxRow | undefined) => OutboxRow | null | undefined,
  ): Promise<OutboxRow | null | undefined> {
    return db.transaction('rw', db.outbox, async () => {
      const next = change(await db.outbox.get(id));
      if (next === null) await db.outbox.delete(id);
      else if (next !== undefined) await db.outbox.put(next);
      return next;
    });
  },

  /** Bulk insert or replace (one transaction). */
  putMany(db: Db, rows: OutboxRow[]): Promise<unknown> {
    return db.transaction('rw', db.outbox, () => db.outbox.bulkPut(rows));
  },

  /**
   * Up to `limit` queued rows due at `now` (earliest first), each replaced by `claim(row)`
   * in the same transaction, so two senders (page and service worker) never claim one row.
   */
  claimDue(
    db: Db,
    now: number,
    limit: number,
    claim: (row: OutboxRow) => OutboxRow,
  ): Promise<OutboxRow[]> {
    return db.transaction('rw', db.outbox, async () => {
      const due = await db.outbox
        .where('nextAttemptAt')
        .belowOrEqual(now)
        .filter((row) => row.state === 'queued')
        .limit(limit)
        .toArray();
      const claimed = due.map(claim);
      if (claimed.length > 0) await db.outbox.bulkPut(claimed);
      return claimed;
    });
  },

  /**
   * Write the outcomes of sends in one transaction. An outcome applies only if the row still
   * holds the bytes that were sent (it may have been taken out of the queue, or replaced,
   * meanwhile); a receipt is written regardless, because the report did arrive.
   */
  settle(
    db: Db,
    outcomes: ReadonlyArray<{
      id: string;
      sentBody: Uint8Array;
      next: OutboxRow | null;
      receipt?: ReceiptRow;
    }>,
  ): Promise<void> {
    return db.transaction('rw', db.outbox, db.receipts, async () => {
      for (const o of outcomes) {
        const current = await db.outbox.get(o.id);
        if (current && sameBytes(current.body, o.sentBody)) {
          if (o.next === null) await db.outbox.delete(o.id);
          else await db.outbox.put(o.next);
        }
        if (o.receipt) await db.receipts.put(o.receipt);
      }
    });
  },

  /** Earliest nextAttemptAt of a queued row, or null when nothing is queued. */
  async nextDueAt(db: Db): Promise<number | null> {
    const first = await db.outbox
      .orderBy('nextAttemptAt')
      .filter((row) => row.state === 'queued')
      .first();
    return first ? first.nextAttemptAt : null;
  },

  delete(db: Db, id: string): Promise<void> {
    return db.outbox.delete(id);
  },
};

export const receiptsRepo = {
  list(db: Db): Promise<ReceiptRow[]> {
    return db.receipts.toArray();
  },

  deleteMany(db: Db, ids: string[]): Promise<void> {
    return db.transaction('rw', db.receipts, () => db.receipts.bulkDelete(ids));
  },
};

export const SYNC_DEFAULTS: Readonly<SyncConfig> = Object.freeze({
  policy: 'unlocked',
  devicePublicKey: null,
  partnerPayload: null,
});

export const syncRepo = {
  async get(db: Db): Promise<SyncConfig> {
    return normaliseSync(await db.sync.get('sync'));
  },

  /** Read, change and write the sync row in one transaction. Returns the state as written. */
  update(db: Db, change: (current: SyncConfig) => SyncConfig): Promise<SyncConfig> {
    return db.transaction('rw', db.sync, async () => {
      const next = normaliseSync(change(normaliseSync(await db.sync.get('sync'))));
      const row: SyncRow = { id: 'sync', ...next };
      await db.sync.put(row);
      return next;
    });
  },
};

function normaliseSync(row: Partial<SyncConfig> | undefined): SyncConfig {
  if (!row) return { ...SYNC_DEFAULTS };
  return {
    policy: SYNC_POLICIES.includes(row.policy as SyncPolicy)
      ? (row.policy as SyncPolicy)
      : SYNC_DEFAULTS.policy,
    devicePublicKey:
      isBytes(row.devicePublicKey) && row.devicePublicKey.length === 32
        ? row.devicePublicKey
        : null,
    partnerPayload:
      typeof row.partnerPayload === 'string' && row.partnerPayload.length <= 4096
        ? row.partnerPayload
        : null,
  };
}
