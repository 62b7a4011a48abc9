// Reading the vault header, format version 1:
//   { id: 'vault', formatVersion: 1,
//     kdf: { alg: 'argon2id', memoryKiB, iterations, parallelism, salt (16 bytes) },
//     wrappedKey: secretbox envelope of the 32-byte vault key under the Argon2id KEK }
//
// The header comes from storage anyone holding the profile can edit, so every field is
// checked before anything is derived from it. Cost below the floor is refused as
// 'weak-params' (no downgrade); a newer format is 'unsupported-version' (an older app must
// never call a newer vault damaged, a screen might offer to start over); anything else
// malformed is 'damaged-header'.

import {
  checkKdfCost,
  ENVELOPE_MIN_BYTES,
  type Envelope,
  isBytes,
  type KdfParams,
  KEY_BYTES,
  SALT_BYTES,
  type Salt,
} from '../crypto';
import type { Result } from '../result';

export const FORMAT_VERSION = 1;
const WRAPPED_KEY_BYTES = ENVELOPE_MIN_BYTES + KEY_BYTES;

export type HeaderError = 'damaged-header' | 'weak-params' | 'unsupported-version';

export interface ParsedHeader {
  params: KdfParams;
  wrappedKey: Envelope;
}

export function parseHeader(row: unknown): Result<ParsedHeader, HeaderError> {
  if (typeof row !== 'object' || row === null) return fail('damaged-header');
  const { id, formatVersion, kdf, wrappedKey } = row as Record<string, unknown>;
  if (id !== 'vault') return fail('damaged-header');
  if (typeof formatVersion !== 'number' || !Number.isSafeInteger(formatVersion)) {
    return fail('damaged-header');
  }
  if (formatVersion > FORMAT_VERSION) return fail('unsupported-version');
  if (formatVersion !== FORMAT_VERSION) return fail('damaged-header');

  const cost = checkKdfCost(kdf);
  if (cost === 'invalid') return fail('damaged-header');
  if (cost === 'weak') return fail('weak-params');
  const { alg, memoryKiB, iterations, parallelism, salt } = kdf as KdfParams;
  if (!isBytes(salt) || salt.length !== SALT_BYTES) return fail('damaged-header');
  if (!isBytes(wrappedKey) || wrappedKey.length !== WRAPPED_KEY_BYTES) {
    return fail('damaged-header');
  }
  return {
    ok: true,
    value: {
      params: { alg, memoryKiB, iterations, parallelism, salt: salt as Salt },
      wrappedKey: wrappedKey as Envelope,
    },
  };
}

function fail(error: HeaderError): Result<never, HeaderError> {
  return { ok: false, error };
}
