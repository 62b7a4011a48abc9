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

export type Db = Dexie & {
  header: EntityTable<HeaderRow, 'id'>;
  records: EntityTable<RecordRow, 'id'>;
  device: EntityTable<DeviceRow, 'id'>;
};

const SCHEMA: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
  { version: 1, stores: { header: 'id', records: 'id, kind', device: 'id' } },
];

export function openDb(name: string = DB_NAME): Db {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as Db;
  for (const { version, stores } of SCHEMA) db.version(version).stores(stores);
  return db;
}

/**
 * Delete the whole database, so no header, record or device row remains. The instance is
 * closed for good (no silent re-creation of an empty database on the next read); open a
 * new one with openDb() to start again.
 */
export async function eraseEverything(db: Db): Promise<void> {
  await db.delete({ disableAutoOpen: true });
}
