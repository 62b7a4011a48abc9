// The unlocked vault. It holds the only in-memory copy of the vault key; lock() zeroes it
// and drops the reference, and every method used afterwards throws VaultLockedError. A
// read that was in flight when lock() ran throws too instead of returning decrypted data
// to a screen that has already been hidden. Decrypted records are never cached here.

import {
  asKey,
  constantTimeEqual,
  deriveKey,
  hashUnlockCode,
  KDF_DEFAULT,
  type KdfCost,
  type Key,
  openSecret,
  randomSalt,
  sealSecret,
  wipe,
} from '../crypto';
import type { Result } from '../result';
import {
  type Db,
  deviceRepo,
  ERASE_AFTER_CHOICES,
  type EraseAfter,
  type HeaderRow,
  headerRepo,
  recordsRepo,
} from '../storage';
import { FORMAT_VERSION, type HeaderError, parseHeader } from './header';
import { isLongEnough, isValidUnlockCode } from './passphrase';
import { openRecord, sealRecord, type VaultRecord } from './record-codec';

export class VaultLockedError extends Error {
  constructor() {
    super('Vault is locked');
    this.name = 'VaultLockedError';
  }
}

export type ChangePassphraseError =
  | 'wrong-passphrase'
  | 'passphrase-too-short'
  | HeaderError
  /** The header changed while this ran (another tab?); nothing was written. */
  | 'conflict';

export class Vault {
  #db: Db;
  #key: Key | null;
  /** Failed unlock attempts between the previous successful unlock and this one. */
  readonly failedAttemptsSinceLastUnlock: number;

  /** Made only by createVault and unlockVault. */
  constructor(db: Db, key: Key, failedAttemptsSinceLastUnlock: number) {
    this.#db = db;
    this.#key = key;
    this.failedAttemptsSinceLastUnlock = failedAttemptsSinceLastUnlock;
  }

  get isLocked(): boolean {
    return this.#key === null;
  }

  /** Encrypt `{v, id, kind, data}` and write `{id, kind, ciphertext}` (replacing any row). */
  async put(kind: string, id: string, data: unknown, schemaVersion = 1): Promise<void> {
    const row = sealRecord(this.#requireKey(), id, kind, data, schemaVersion);
    await recordsRepo.put(this.#db, row);
  }

  /** Several puts in one transaction: all are written or none. */
  async putMany(
    entries: ReadonlyArray<{ kind: string; id: string; data: unknown; schemaVersion?: number }>,
  ): Promise<void> {
    const key = this.#requireKey();
    const rows = entries.map((e) => sealRecord(key, e.id, e.kind, e.data, e.schemaVersion ?? 1));
    await recordsRepo.putMany(this.#db, rows);
  }

  async get(id: string): Promise<Result<VaultRecord, 'missing' | 'damaged'>> {
    this.#requireKey();
    const row = await recordsRepo.get(this.#db, id);
    const key = this.#requireKey();
    if (!row) return { ok: false, error: 'missing' };
    return openRecord(key, row);
  }

  /** Every record of a kind; a damaged one is reported in its place, never breaks the list. */
  async list(kind: string): Promise<Array<{ id: string; result: Result<VaultRecord, 'damaged'> }>> {
    this.#requireKey();
    const rows = await recordsRepo.listByKind(this.#db, kind);
    const key = this.#requireKey();
    const out = new Array<{ id: string; result: Result<VaultRecord, 'damaged'> }>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as (typeof rows)[number];
      out[i] = { id: row.id, result: openRecord(key, row) };
    }
    return out;
  }

  async delete(id: string): Promise<void> {
    this.#requireKey();
    await recordsRepo.delete(this.#db, id);
  }

  /**
   * Re-wrap the vault key under a key derived from `next` with a new salt. Records are not
   * touched. The cost is the stronger of the current header's and today's default.
   */
  async changePassphrase(
    current: string,
    next: string,
  ): Promise<Result<void, ChangePassphraseError>> {
    // A copy: lock() may zero the live key while this awaits, and wrapping zeros would
    // lose the vault for good.
    const key = asKey(this.#requireKey().slice());
    try {
      if (!isLongEnough(next)) return { ok: false, error: 'passphrase-too-short' };
      const header = parseHeader(await headerRepo.get(this.#db));
      if (!header.ok) return header;
      const { params, wrappedKey } = header.value;

      const oldKek = await deriveKey(current, params);
      const opened = openSecret(oldKek, wrappedKey);
      wipe(oldKek);
      if (!opened.ok) return { ok: false, error: 'wrong-passphrase' };
      const same = constantTimeEqual(opened.value, key);
      wipe(opened.value);
      if (!same) return { ok: false, error: 'damaged-header' };

      const cost: KdfCost = {
        alg: 'argon2id',
        memoryKiB: Math.max(params.memoryKiB, KDF_DEFAULT.memoryKiB),
        iterations: Math.max(params.iterations, KDF_DEFAULT.iterations),
        parallelism: Math.max(params.parallelism, KDF_DEFAULT.parallelism),
      };
      const salt = randomSalt();
      const newKek = await deriveKey(next, { ...cost, salt });
      const rewrapped = sealSecret(newKek, key);
      wipe(newKek);
      const row: HeaderRow = {
        id: 'vault',
        formatVersion: FORMAT_VERSION,
        kdf: { ...cost, salt },
        wrappedKey: rewrapped,
      };
      const replaced = await headerRepo.replaceIf(this.#db, wrappedKey, row);
      return replaced ? { ok: true, value: undefined } : { ok: false, error: 'conflict' };
    } finally {
      wipe(key);
    }
  }

  /** Store a salted Argon2id hash of the calculator unlock code (4 to 8 digits). */
  async setUnlockCode(code: string): Promise<Result<void, 'invalid-code'>> {
    this.#requireKey();
    if (!isValidUnlockCode(code)) return { ok: false, error: 'invalid-code' };
    const salt = randomSalt();
    const hash = await hashUnlockCode(code, salt);
    this.#requireKey();
    await deviceRepo.update(this.#db, (s) => ({ ...s, unlockCode: { salt, hash } }));
    return { ok: true, value: undefined };
  }

  async clearUnlockCode(): Promise<void> {
    this.#requireKey();
    await deviceRepo.update(this.#db, (s) => ({ ...s, unlockCode: null }));
  }

  /** Erase everything after this many failed unlocks in a row (0 = never). */
  async setEraseAfter(count: EraseAfter): Promise<void> {
    this.#requireKey();
    if (!ERASE_AFTER_CHOICES.includes(count)) throw new RangeError('eraseAfter: 0, 5, 10 or 20');
    await deviceRepo.update(this.#db, (s) => ({ ...s, eraseAfter: count }));
  }

  /** Zero the key and drop it. Safe to call more than once. */
  lock(): void {
    wipe(this.#key);
    this.#key = null;
  }

  #requireKey(): Key {
    if (this.#key === null) throw new VaultLockedError();
    return this.#key;
  }
}
