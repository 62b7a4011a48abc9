// Ed25519 detached signatures (nacl.sign): the partner signs what it publishes (its profile,
// later its alert lists) and the app verifies against the pinned signing key.
import nacl from 'tweetnacl';

export const SIGN_PUBLIC_KEY_BYTES = 32;
export const SIGN_SECRET_KEY_BYTES = 64;
export const SIGNATURE_BYTES = 64;

/** Signs with a 64-byte nacl secret key (seed ‖ public key). */
export function signDetached(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return nacl.sign.detached(message, secretKey);
}

/** Never throws: wrong sizes or a bad signature are simply false. */
export function verifyDetached(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  try {
    return nacl.sign.detached.verify(message, signature, publicKey);
  } catch {
    return false;
  }
}
