// The only door to tweetnacl and hash-wasm. Everything else sees these few functions and
// branded byte types.

export { argon2InThisThread } from './argon2';
export { startArgon2Worker } from './argon2-worker-runner';
export { constantTimeEqual, utf8Decode, utf8Encode, wipe } from './bytes';
export { ENVELOPE_MIN_BYTES, ENVELOPE_V1, openSecret, sealSecret } from './envelope';
export { blake2bHex } from './hash';
export {
  checkKdfCost,
  deriveKey,
  KDF_CEILING,
  KDF_DEFAULT,
  KDF_FLOOR,
  type KdfCost,
  type KdfParams,
} from './kdf';
export { randomBytes, randomKey, randomNonce, randomSalt } from './random';
export {
  type BoxKeyPair,
  boxKeyPair,
  MAC_BYTES,
  type OpenError,
  openSealedBox,
  PUBLIC_KEY_BYTES,
  SEAL_OVERHEAD,
  SECRET_KEY_BYTES,
  type SealError,
  sealBox,
} from './sealed-box';
export {
  SIGN_PUBLIC_KEY_BYTES,
  SIGN_SECRET_KEY_BYTES,
  SIGNATURE_BYTES,
  signDetached,
  verifyDetached,
} from './sign';
export {
  asEnvelope,
  asKey,
  asNonce,
  asSalt,
  type Envelope,
  isBytes,
  KEY_BYTES,
  type Key,
  NONCE_BYTES,
  type Nonce,
  SALT_BYTES,
  type Salt,
} from './types';
export { hashUnlockCode, UNLOCK_CODE_KDF } from './unlock-code';
