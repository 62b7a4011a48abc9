// Passphrase -> key-encryption key, construction version 1: Argon2id (v1.3) with 64 MiB,
// 3 passes, 1 lane, a 16-byte random salt and a 32-byte output. The passphrase is
// normalised to NFC and encoded as UTF-8 first, so the same words typed on another
// keyboard (composed or decomposed accents) give the same key. Any change here locks every
// existing user out, so the tests pin the output with a known-answer vector.
//
// The floor equals the default: a header asking for less is refused before anything is
// derived, so a tampered header cannot make the app compute a cheap guessable hash. A
// ceiling exists only so a corrupt header cannot make the phone try to allocate gigabytes.

import { runArgon2id } from './argon2';
import { utf8Encode, wipe } from './bytes';
import { asKey, isBytes, type Key, SALT_BYTES, type Salt } from './types';

/** The cost part of the KDF parameters: what the header stores besides the salt. */
export interface KdfCost {
  readonly alg: 'argon2id';
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

export interface KdfParams extends KdfCost {
  readonly salt: Salt;
}

export const KDF_DEFAULT: KdfCost = Object.freeze({
  alg: 'argon2id',
  memoryKiB: 65536,
  iterations: 3,
  parallelism: 1,
});

export const KDF_FLOOR: KdfCost = Object.freeze({
  alg: 'argon2id',
  memoryKiB: 65536,
  iterations: 3,
  parallelism: 1,
});

/** Beyond these a header is treated as corrupt rather than as strong. */
export const KDF_CEILING: Omit<KdfCost, 'alg'> = Object.freeze({
  memoryKiB: 1048576,
  iterations: 64,
  parallelism: 16,
});

const KEY_LENGTH = 32;

/**
 * 'ok' when the cost may be used; 'weak' when it is below the floor; 'invalid' when it is
 * not a well-formed Argon2id cost at all (wrong algorithm, not integers, absurdly large).
 */
export function checkKdfCost(cost: unknown): 'ok' | 'weak' | 'invalid' {
  if (typeof cost !== 'object' || cost === null) return 'invalid';
  const { alg, memoryKiB, iterations, parallelism } = cost as Record<string, unknown>;
  if (alg !== 'argon2id') return 'invalid';
  if (!isPositiveInt(memoryKiB) || !isPositiveInt(iterations) || !isPositiveInt(parallelism)) {
    return 'invalid';
  }
  if (
    memoryKiB < KDF_FLOOR.memoryKiB ||
    iterations < KDF_FLOOR.iterations ||
    parallelism < KDF_FLOOR.parallelism
  ) {
    return 'weak';
  }
  if (
    memoryKiB > KDF_CEILING.memoryKiB ||
    iterations > KDF_CEILING.iterations ||
    parallelism > KDF_CEILING.parallelism ||
    memoryKiB < 8 * parallelism
  ) {
    return 'invalid';
  }
  return 'ok';
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** The form a passphrase takes before it is hashed: NFC, then UTF-8. */
export function passphraseBytes(passphrase: string): Uint8Array {
  return utf8Encode(passphrase.normalize('NFC'));
}

/**
 * Derive the key-encryption key. Throws RangeError if the parameters are below the floor or
 * malformed: callers check headers first and turn that into a typed error, this is the
 * last line of defence against a downgrade.
 */
export async function deriveKey(passphrase: string, params: KdfParams): Promise<Key> {
  if (checkKdfCost(params) !== 'ok') throw new RangeError('KDF parameters refused');
  if (!isBytes(params.salt) || params.salt.length !== SALT_BYTES) {
    throw new RangeError('Salt must be 16 bytes');
  }
  const password = passphraseBytes(passphrase);
  try {
    const out = await runArgon2id({
      password,
      salt: params.salt,
      parallelism: params.parallelism,
      iterations: params.iterations,
      memoryKiB: params.memoryKiB,
      hashLength: KEY_LENGTH,
    });
    return asKey(out);
  } finally {
    wipe(password);
  }
}
