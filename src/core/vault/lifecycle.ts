// Creating, finding and unlocking the vault.
//
// Decisions:
// - No hash or verifier of the passphrase is stored. A wrong passphrase shows only as the
//   secretbox around the vault key failing to open, so a copied profile gives an attacker
//   nothing cheaper to test guesses against than a full Argon2id derivation.
// - The header is validated, and its cost checked against the floor, before any derivation.
// - A vault is never created over existing data: not over a header, and not over records
//   whose header is missing (that is damage to report, not a fresh start).
// - Only a wrong passphrase counts as a failed attempt. The count is written (strictly)
//   before the answer is returned, so closing the page cannot undo it. When erase-after-N
//   is on and the count reaches N, the database is deleted. The lock-screen delay is
//   enforced here too, not only by the screen.

import {
  asKey,
  checkKdfCost,
  deriveKey,
  KDF_DEFAULT,
  type KdfCost,
  KEY_BYTES,
  openSecret,
  randomKey,
  randomSalt,
  sealSecret,
  wipe,
} from '../crypto';
import type { Result } from '../result';
import {
  type Db,
  type DeviceState,
  deviceRepo,
  eraseEverything,
  headerRepo,
  recordsRepo,
} from '../storage';
import { msUntilNextAttempt } from './delay';
import { FORMAT_VERSION, type HeaderError, parseHeader } from './header';
import { isLongEnough } from './passphrase';
import { Vault } from './vault';

export type VaultStatus = 'none' | 'ready' | 'damaged';

/**
 * 'none': nothing stored, onboarding may create a vault. 'ready': a header to unlock
 * (including one unlockVault will refuse as weak or too new: that is not damage to
 * repair). 'damaged': records without a header, or a header that cannot be read.
 */
export async function vaultStatus(db: Db): Promise<VaultStatus> {
  const row = await headerRepo.get(db);
  if (row === undefined) return (await recordsRepo.hasAny(db)) ? 'damaged' : 'none';
  const header = parseHeader(row);
  return header.ok || header.error !== 'damaged-header' ? 'ready' : 'damaged';
}

export type CreateVaultError =
  | 'passphrase-too-short'
  | 'not-empty'
  | 'weak-params'
  | 'invalid-params';

export interface CreateVaultOptions {
  /** Override the KDF cost (tests); anything below the floor is refused. */
  kdf?: Partial<Omit<KdfCost, 'alg'>>;
}

export async function createVault(
  db: Db,
  passphrase: string,
  opts: CreateVaultOptions = {},
): Promise<Result<Vault, CreateVaultError>> {
  if (!isLongEnough(passphrase)) return { ok: false, error: 'passphrase-too-short' };
  const cost: KdfCost = {
    alg: 'argon2id',
    memoryKiB: opts.kdf?.memoryKiB ?? KDF_DEFAULT.memoryKiB,
    iterations: opts.kdf?.iterations ?? KDF_DEFAULT.iterations,
    parallelism: opts.kdf?.parallelism ?? KDF_DEFAULT.parallelism,
  };
  const strength = checkKdfCost(cost);
  if (strength === 'weak') return { ok: false, error: 'weak-params' };
  if (strength === 'invalid') return { ok: false, error: 'invalid-params' };
  // Cheap early refusal; createIfEmpty checks again atomically before writing.
  if ((await headerRepo.get(db)) !== undefined || (await recordsRepo.hasAny(db))) {
    return { ok: false, error: 'not-empty' };
  }

  const salt = randomSalt();
  const kek = await deriveKey(passphrase, { ...cost, salt });
  const vaultKey = randomKey();
  const wrappedKey = sealSecret(kek, vaultKey);
  wipe(kek);

  const created = await headerRepo.createIfEmpty(db, {
    id: 'vault',
    formatVersion: FORMAT_VERSION,
    kdf: { ...cost, salt },
    wrappedKey,
  });
  if (!created) {
    wipe(vaultKey);
    return { ok: false, error: 'not-empty' };
  }
  await deviceRepo.update(db, (s) => ({
    ...s,
    failedAttempts: 0,
    consecutiveFailures: 0,
    lastFailureAt: null,
  }));
  return { ok: true, value: new Vault(db, vaultKey, 0) };
}

export type UnlockError =
  | 'wrong-passphrase'
  | 'no-vault'
  | HeaderError
  /** Called before the lock-screen delay ran out; nothing was tried or counted. */
  | 'too-soon'
  /** Too many failures in a row with erase-after-N on: the database has been deleted. */
  | 'erased';

export async function unlockVault(db: Db, passphrase: string): Promise<Result<Vault, UnlockError>> {
  const row = await headerRepo.get(db);
  if (row === undefined) {
    return { ok: false, error: (await recordsRepo.hasAny(db)) ? 'damaged-header' : 'no-vault' };
  }
  const header = parseHeader(row);
  if (!header.ok) return header;

  let device = await deviceRepo.get(db);
  // Only reachable if an earlier erase was interrupted (page closed mid-delete).
  if (shouldErase(device)) return erase(db);
  const now = Date.now();
  if (device.lastFailureAt !== null && device.lastFailureAt > now) {
    // The clock went back: restart the wait from now rather than from the future.
    device = await deviceRepo.update(db, (s) => ({ ...s, lastFailureAt: now }));
  }
  if (msUntilNextAttempt(device, now) > 0) return { ok: false, error: 'too-soon' };

  const kek = await deriveKey(passphrase, header.value.params);
  const opened = openSecret(kek, header.value.wrappedKey);
  wipe(kek);

  if (!opened.ok) {
    const after = await deviceRepo.update(db, (s) => ({
      ...s,
      failedAttempts: s.failedAttempts + 1,
      consecutiveFailures: s.consecutiveFailures + 1,
      lastFailureAt: Date.now(),
    }));
    return shouldErase(after) ? erase(db) : { ok: false, error: 'wrong-passphrase' };
  }
  if (opened.value.length !== KEY_BYTES) {
    // Authentic but not a key: written by something other than this app.
    wipe(opened.value);
    return { ok: false, error: 'damaged-header' };
  }

  let failedBefore = 0;
  await deviceRepo.update(db, (s) => {
    failedBefore = s.failedAttempts;
    return { ...s, failedAttempts: 0, consecutiveFailures: 0, lastFailureAt: null };
  });
  return { ok: true, value: new Vault(db, asKey(opened.value), failedBefore) };
}

function shouldErase(device: DeviceState): boolean {
  return device.eraseAfter > 0 && device.consecutiveFailures >= device.eraseAfter;
}

async function erase(db: Db): Promise<{ ok: false; error: 'erased' }> {
  await eraseEverything(db);
  return { ok: false, error: 'erased' };
}
