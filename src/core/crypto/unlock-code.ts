// The calculator unlock code (4 to 8 digits) only opens the disguise; the data stays behind
// the passphrase. It is still never kept in clear: Argon2id with a lighter cost than the
// vault KDF (19 MiB, 2 passes, the OWASP minimum) so checking a key press stays quick on
// an old phone, while a copied profile still costs an attacker real work per guess.

import { runArgon2id } from './argon2';
import { utf8Encode, wipe } from './bytes';
import { isBytes, SALT_BYTES, type Salt } from './types';

export const UNLOCK_CODE_KDF = Object.freeze({
  alg: 'argon2id',
  memoryKiB: 19456,
  iterations: 2,
  parallelism: 1,
  hashLength: 32,
} as const);

export async function hashUnlockCode(code: string, salt: Salt): Promise<Uint8Array> {
  if (!isBytes(salt) || salt.length !== SALT_BYTES) throw new RangeError('Salt must be 16 bytes');
  const password = utf8Encode(code);
  try {
    return await runArgon2id({
      password,
      salt,
      parallelism: UNLOCK_CODE_KDF.parallelism,
      iterations: UNLOCK_CODE_KDF.iterations,
      memoryKiB: UNLOCK_CODE_KDF.memoryKiB,
      hashLength: UNLOCK_CODE_KDF.hashLength,
    });
  } finally {
    wipe(password);
  }
}
