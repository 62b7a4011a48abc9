// The one IndexedDB database. Its name is a neutral 'calc' because the app's disguise is a
// calculator: someone browsing the profile's storage should not read the app's purpose.
// Every write is 'strict' (Chromium flushes to disk before reporting success): losing an
// incident report, a re-wrapped key or a failed-attempt count to a power cut is worse than
// a few milliseconds per write.
//
// The schema is append-only: every version stays in SCHEMA so any older database upgrades
// step by step. Never edit a shipped version; add the next one below it.

import Dexie, { type EntityTable } from 'dexie';

export const DB_NAME = 'calc';

/** Single row 'vault'. Read back as untrusted: the vault validates every field. */
export interface HeaderRow {
  id: 'vault';
  formatVersion: number;
  kdf: {
    alg: 'argon2id';
    memoryKiB: number;
    iterations: number;
    parallelism: number;
    salt: Uint8Array;
  };
  wrappedKey: Uint8Array;
}

/** An encrypted record. id and kind are the only clear fields, and both are repeated inside
 * the ciphertext so a row moved to another id or kind is detected. */
export interface RecordRow {
  id: string;
  kind: string;
  ciphertext: Uint8Array;
}

export type EraseAfter = 0 | 5 | 10 | 20;
export const ERASE_AFTER_CHOICES: readonly EraseAfter[] = [0, 5, 10, 20];

export interface UnlockCodeHash {
  salt: Uint8Array;
  hash: Uint8Array;
}

/** Clear, non-secret state that must be read before unlocking. */
export interface DeviceState {
  /** Failed passphrase attempts since the last successful unlock (shown to the user). */
  failedAttempts: number;
  /** Failures in a row; drives the delay and erase-after-N. */
  consecutiveFailures: number;
  /** Epoch milliseconds of the last failure, or null. */
  lastFailureAt: number | null;
  /** Erase everything after this many failures in a row; 0 = never. */
  eraseAfter: EraseAfter;
  unlockCode: UnlockCodeHash | null;
}

export interface DeviceRow extends DeviceState {
  id: 'device';
}

/**
 * A report waiting to go to the partner (schema v2). `body` is the sealed, padded report:
 * nothing on this device can open it, which is why the service worker may send it without
 * the vault key. The row id is the report's UUID (already a clear field of its record).
 */
export interface OutboxRow {
  id: string;
  body: Uint8Array;
  /** Sends started (each is claimed before its request goes out). */
  attempts: number;
  /** Epoch ms before which no send is started. */
  nextAttemptAt: number;
  /** 'stopped': the partner refused it (409, other 4xx); it waits for the worker. */
  state: 'queued' | 'stopped';
  /** The last HTTP status seen, if any (0: no response). */
  lastStatus?: number;
}

/**
 * Proof of delivery (schema v2), written by whoever sent the report (page or service
 * worker) in the same transaction that deletes the outbox row. `sealed` is a sealed box to
 * this device's receipt key holding {id, status, confirmedAt}: "sent at" is never in clear.
 */
export interface ReceiptRow {
  id: string;
  sealed: Uint8Array;
}

export type SyncPolicy = 'manual' | 'unlocked' | 'background';
export const SYNC_POLICIES: readonly SyncPolicy[] = ['manual', 'unlocked', 'background'];

/**
 * Clear sending state the service worker needs without the vault key (schema v2, single
 * row 'sync'). Kept out of the device row so the vault's failure counters and sync state
 * never share a read-modify-write.
 */
export interface SyncConfig {
  policy: SyncPolicy;
  /** X25519 public key receipts are sealed to; its secret half is a vault record. */
  devicePublicKey: Uint8Array | null;
  /** A signed pairing payload the worker confirmed; re-verified on every read. */
  partnerPayload: string | null;
}

export interface SyncRow extends SyncConfig {
  id: 'sync';
}

export type Db = Dexie & {
  header: EntityTable<HeaderRow, 'id'>;
  records: EntityTable<RecordRow, 'id'>;
  device: EntityTable<DeviceRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  receipts: EntityTable<ReceiptRow, 'id'>;
  sync: EntityTable<SyncRow, 'id'>;
};

const SCHEMA: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
  { version: 1, stores: { header: 'id', records: 'id, kind', device: 'id' } },
  // Sending reports to the partner: outbox, delivery receipts, clear sync state.
  { version: 2, stores: { outbox: 'id, nextAttemptAt', receipts: 'id', sync: 'id' } },
];

export function openDb(name: string = DB_NAME): Db {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as Db;
  for (const { version, stores } of SCHEMA) db.version(version).stores(stores);
  return db;
}

/** Whether the database exists, without creating it (the service worker asks first). */
export function databaseExists(name: string = DB_NAME): Promise<boolean> {
  return Dexie.exists(name);
}

/**
 * Delete the whole database, so no header, record or device row remains. The instance is
 * closed for good (no silent re-creation of an empty database on the next read); open a
 * new one with openDb() to start again.
 */
export async function eraseEverything(db: Db): Promise<void> {
  await db.delete({ disableAutoOpen: true });
}
