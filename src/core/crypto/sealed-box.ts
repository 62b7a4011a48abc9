// Sealed boxes, byte-compatible with libsodium's `crypto_box_seal` / `crypto_box_seal_open`
// (proven in tests/unit/seal-interop.test.ts):
//
//   ephemeral X25519 key pair (epk, esk), fresh per message
//   nonce  = BLAKE2b-192(epk ‖ recipientPk)          (unkeyed, 24-byte output)
//   sealed = epk ‖ crypto_box(msg, nonce, recipientPk, esk)   (box = 16-byte MAC ‖ ciphertext)
//
// The sender keeps no key that can open what it sealed; only the recipient's secret key can.
// Two uses: reports sealed to the partner organisation (core/sync/seal.ts adds padding), and
// delivery receipts the service worker seals to this device's own key, so it can record
// "sent at" without holding the vault key.
import { createBLAKE2b, type IHasher } from 'hash-wasm';
import nacl from 'tweetnacl';
import { err, ok, type Result } from '../result';

export const PUBLIC_KEY_BYTES = 32;
export const SECRET_KEY_BYTES = 32;
export const MAC_BYTES = 16;
/** Bytes a sealed box adds to its message: the ephemeral public key and the MAC. */
export const SEAL_OVERHEAD = PUBLIC_KEY_BYTES + MAC_BYTES; // 48

export type SealError = 'bad_public_key' | 'crypto_failure';
export type OpenError = 'bad_key' | 'too_short' | 'bad_public_key' | 'auth_failed';

export interface BoxKeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** A fresh X25519 key pair (e.g. the device's receipt key). */
export function boxKeyPair(): BoxKeyPair {
  const pair = nacl.box.keyPair();
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

let hasherPromise: Promise<IHasher> | null = null;

/** BLAKE2b-192(epk ‖ pk) as 24 raw bytes. */
async function sealNonce(epk: Uint8Array, pk: Uint8Array): Promise<Uint8Array> {
  if (hasherPromise === null) {
    hasherPromise = createBLAKE2b(192);
    // A failed WebAssembly load must not be cached forever.
    hasherPromise.catch(() => {
      hasherPromise = null;
    });
  }
  const hasher = await hasherPromise;
  // init/update/digest run synchronously, so concurrent callers cannot interleave.
  return hasher.init().update(epk).update(pk).digest('binary');
}

function isAllZero(bytes: Uint8Array): boolean {
  let acc = 0;
  for (let i = 0; i < bytes.length; i++) acc |= bytes[i] ?? 0;
  return acc === 0;
}

/**
 * X25519 shared secret, refusing low-order points (all-zero result) like libsodium does.
 * Returns the crypto_box precomputed key (HSalsa20 of the shared point) or null.
 */
function boxKey(theirPk: Uint8Array, mySk: Uint8Array): Uint8Array | null {
  const shared = nacl.scalarMult(mySk, theirPk);
  const bad = isAllZero(shared);
  shared.fill(0);
  if (bad) return null;
  return nacl.box.before(theirPk, mySk);
}

/** Seals `msg` to `recipientPk` (libsodium crypto_box_seal). Does NOT pad. Never throws. */
export async function sealBox(
  msg: Uint8Array,
  recipientPk: Uint8Array,
): Promise<Result<Uint8Array<ArrayBuffer>, SealError>> {
  if (!(recipientPk instanceof Uint8Array) || recipientPk.length !== PUBLIC_KEY_BYTES) {
    return err('bad_public_key');
  }
  let eph: nacl.BoxKeyPair | null = null;
  let k: Uint8Array | null = null;
  try {
    eph = nacl.box.keyPair();
    k = boxKey(recipientPk, eph.secretKey);
    eph.secretKey.fill(0);
    if (k === null) return err('bad_public_key');
    const nonce = await sealNonce(eph.publicKey, recipientPk);
    const boxed = nacl.box.after(msg, nonce, k);
    const out = new Uint8Array(PUBLIC_KEY_BYTES + boxed.length);
    out.set(eph.publicKey, 0);
    out.set(boxed, PUBLIC_KEY_BYTES);
    return ok(out);
  } catch {
    return err('crypto_failure');
  } finally {
    eph?.secretKey.fill(0);
    k?.fill(0);
  }
}

/**
 * Opens a sealed box (libsodium crypto_box_seal_open) with the recipient's key pair.
 * Never throws; every failure (tampering, wrong key, truncation) is an error value.
 */
export async function openSealedBox(
  sealed: Uint8Array,
  recipientPk: Uint8Array,
  recipientSk: Uint8Array,
): Promise<Result<Uint8Array, OpenError>> {
  if (
    !(recipientPk instanceof Uint8Array) ||
    !(recipientSk instanceof Uint8Array) ||
    recipientPk.length !== PUBLIC_KEY_BYTES ||
    recipientSk.length !== SECRET_KEY_BYTES
  ) {
    return err('bad_key');
  }
  if (!(sealed instanceof Uint8Array) || sealed.length < SEAL_OVERHEAD) return err('too_short');
  let k: Uint8Array | null = null;
  try {
    const epk = sealed.slice(0, PUBLIC_KEY_BYTES);
    k = boxKey(epk, recipientSk);
    if (k === null) return err('bad_public_key');
    const nonce = await sealNonce(epk, recipientPk);
    const opened = nacl.box.open.after(sealed.subarray(PUBLIC_KEY_BYTES), nonce, k);
    return opened === null ? err('auth_failed') : ok(opened);
  } catch {
    return err('auth_failed');
  } finally {
    k?.fill(0);
  }
}
